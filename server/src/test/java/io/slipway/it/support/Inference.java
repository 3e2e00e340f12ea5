package io.slipway.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Calls to deployments as inference clients make them: JSON or binary tensors, with the answer's headers. */
public final class Inference {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public Inference(URI base) {
        this.base = base;
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + this, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    public Answer get(String token, String path) {
        return send(token, "GET", path, null, HttpRequest.BodyPublishers.noBody(), null);
    }

    public Answer postJson(String token, String path, Object body) {
        try {
            return send(token, "POST", path, "application/json",
                    HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary tensor extension: a JSON header, then raw bytes, with the header's length announced. */
    public Answer postBinary(String token, String path, String jsonHeader, byte[] raw) {
        byte[] header = jsonHeader.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[header.length + raw.length];
        System.arraycopy(header, 0, body, 0, header.length);
        System.arraycopy(raw, 0, body, header.length, raw.length);
        return send(token, "POST", path, "application/octet-stream", HttpRequest.BodyPublishers.ofByteArray(body),
                Integer.toString(header.length));
    }

    private Answer send(String token, String method, String path, String contentType,
                        HttpRequest.BodyPublisher body, String headerLength) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
                .timeout(Duration.ofSeconds(60)).method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headerLength != null) {
            request.header("Inference-Header-Content-Length", headerLength);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
