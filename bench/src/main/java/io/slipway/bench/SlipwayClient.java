package io.slipway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.devstack.TokenClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Slipway's model-version API as a client sees it: a raw-body upload with Content-Length and the version's
 * content download, each with a fresh token (they live five minutes). Uses OkHttp, the HTTP client under the
 * MinIO SDK, so both paths have the same client stack.
 */
final class SlipwayClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final int WRITE_BUFFER = 256 * 1024;

    private final HttpUrl models;
    private final TokenClient tokens;
    private final String user;
    private final String password;
    private final OkHttpClient http;

    SlipwayClient(URI slipway, String org, String project, TokenClient tokens, String user, String password) {
        this.models = HttpUrl.get(slipway.toString()).newBuilder()
                .addPathSegments("api/v1/orgs").addPathSegment(org)
                .addPathSegment("projects").addPathSegment(project)
                .addPathSegment("models").build();
        this.tokens = tokens;
        this.user = user;
        this.password = password;
        this.http = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(Duration.ofSeconds(15))
                .writeTimeout(Duration.ofMinutes(5))
                .readTimeout(Duration.ofMinutes(10)) // the response comes after the server-side copy
                .build();
    }

    /** What the server answered to an upload, with the client's measurement. */
    record Uploaded(Transfer transfer, int version, String serverSha256, boolean reused) {
    }

    /** Uploads the artifact as a new version; with {@code sha256}, declaring its digest ({@code ?sha256=}). */
    Uploaded upload(String model, GeneratedArtifact artifact, Optional<String> sha256) throws IOException {
        String token = tokens.password(user, password);
        long[] lastByteWritten = {0};
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return OCTET_STREAM;
            }

            @Override
            public long contentLength() {
                return artifact.size();
            }

            @Override
            public boolean isOneShot() {
                return true; // the generated stream cannot be replayed: never retry with it
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] buffer = new byte[WRITE_BUFFER];
                for (int n; (n = artifact.read(buffer, 0, buffer.length)) >= 0; ) {
                    sink.write(buffer, 0, n);
                }
                sink.flush();
                lastByteWritten[0] = System.nanoTime();
            }
        };
        HttpUrl.Builder url = models.newBuilder().addPathSegment(model).addPathSegment("versions")
                .addQueryParameter("fileName", model + ".bin");
        sha256.ifPresent(digest -> url.addQueryParameter("sha256", digest));
        Request request = new Request.Builder()
                .url(url.build())
                .header("Authorization", "Bearer " + token)
                .post(body)
                .build();
        long start = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            String answer = response.body().string();
            long end = System.nanoTime();
            if (response.code() != 201) {
                throw new IOException("Upload answered HTTP " + response.code() + ": " + answer);
            }
            JsonNode created = JSON.readTree(answer);
            Transfer transfer = new Transfer(artifact.position(), end - start, artifact.sha256Hex(),
                    end - lastByteWritten[0]);
            return new Uploaded(transfer, created.path("version").asInt(), created.path("sha256").asText(),
                    created.path("storedContentReused").asBoolean());
        }
    }

    /** Downloads the version's content; also checks that the ETag names the bytes that arrived. */
    Transfer download(String model, int version) throws IOException {
        String token = tokens.password(user, password);
        Request request = new Request.Builder()
                .url(models.newBuilder().addPathSegment(model).addPathSegment("versions")
                        .addPathSegment(Integer.toString(version)).addPathSegment("content").build())
                .header("Authorization", "Bearer " + token)
                .build();
        long start = System.nanoTime();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IOException("Download answered HTTP " + response.code() + ": " + response.body().string());
            }
            Transfer.Drained drained = Transfer.drain(response.body().byteStream());
            long nanos = System.nanoTime() - start;
            String etag = response.header("ETag", "");
            if (!etag.equals("\"" + drained.sha256() + "\"")) {
                throw new IOException("The download's ETag " + etag + " does not match its bytes ("
                        + drained.sha256() + ")");
            }
            return new Transfer(drained.bytes(), nanos, drained.sha256(), -1);
        }
    }

    /**
     * Downloads the version's content the other way the API offers: {@code ?presign=true} answers a short-lived
     * URL, which the client then reads straight from the S3 server. Timed from the first request.
     */
    Transfer downloadPresigned(String model, int version) throws IOException {
        String token = tokens.password(user, password);
        Request presign = new Request.Builder()
                .url(models.newBuilder().addPathSegment(model).addPathSegment("versions")
                        .addPathSegment(Integer.toString(version)).addPathSegment("content")
                        .addQueryParameter("presign", "true").build())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build();
        long start = System.nanoTime();
        String url;
        try (Response response = http.newCall(presign).execute()) {
            String answer = response.body().string();
            if (response.code() != 200) {
                throw new IOException("Presigning answered HTTP " + response.code() + ": " + answer);
            }
            url = JSON.readTree(answer).path("url").asText();
        }
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            if (response.code() != 200) {
                throw new IOException("The presigned URL answered HTTP " + response.code() + ": "
                        + response.body().string());
            }
            Transfer.Drained drained = Transfer.drain(response.body().byteStream());
            return new Transfer(drained.bytes(), System.nanoTime() - start, drained.sha256(), -1);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
