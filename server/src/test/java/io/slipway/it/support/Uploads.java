package io.slipway.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/** Uploading files to the API the ways clients do: raw bodies, multipart forms, and broken-off requests. */
public final class Uploads {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Uploads(URI base) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
    }

    /** The bytes as the request body, with the given Content-Type; query carries the metadata. */
    public Api.Reply raw(String token, String pathAndQuery, String contentType, byte[] content) {
        return send(token, pathAndQuery, contentType, HttpRequest.BodyPublishers.ofByteArray(content));
    }

    /** A body of unknown length (sent chunked), produced as it is read. */
    public Api.Reply chunked(String token, String pathAndQuery, Supplier<InputStream> content) {
        return send(token, pathAndQuery, "application/octet-stream", HttpRequest.BodyPublishers.ofInputStream(content));
    }

    /** {@code multipart/form-data} with a {@code metadata} JSON part (when not null) and a {@code file} part. */
    public Api.Reply multipart(String token, String path, String metadataJson, String fileName, byte[] content) {
        String boundary = "slipway-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        if (metadataJson != null) {
            head.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"metadata\"\r\n")
                    .append("Content-Type: application/json\r\n\r\n")
                    .append(metadataJson).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[headBytes.length + content.length + tail.length];
        System.arraycopy(headBytes, 0, body, 0, headBytes.length);
        System.arraycopy(content, 0, body, headBytes.length, content.length);
        System.arraycopy(tail, 0, body, headBytes.length + content.length, tail.length);
        return send(token, path, "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /**
     * Announces {@code declaredBytes} of body, sends only {@code sentBytes} of them and then drops the
     * connection, as a client that crashes or loses its network does.
     */
    public void breakOff(String token, String pathAndQuery, long declaredBytes, long sentBytes) {
        URI target = base.resolve(pathAndQuery.replaceFirst("^/", ""));
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            OutputStream out = socket.getOutputStream();
            String request = "POST " + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                    + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + declaredBytes + "\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < sentBytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, sentBytes - sent));
            }
            out.flush();
            socket.setSoLinger(true, 0); // reset, not a polite close
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Downloads a body completely as bytes (tests use small files). */
    public byte[] download(String token, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery.replaceFirst("^/", "")));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return fetch(request.build());
    }

    public byte[] download(URI absolute) {
        return fetch(HttpRequest.newBuilder(absolute).build());
    }

    private byte[] fetch(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("Download answered HTTP " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Api.Reply send(String token, String pathAndQuery, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery.replaceFirst("^/", "")))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(body)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
