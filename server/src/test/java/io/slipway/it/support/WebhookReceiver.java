package io.slipway.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server): records every request and answers each with the status
 * its {@code responder} gives for the request's index (0 for the first), and verifies Standard Webhooks signatures
 * on its own, independently of Slipway's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    public record Received(Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether {@code webhook-signature} holds for this secret, per the Standard Webhooks spec. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                String signed = header("webhook-id") + "." + header("webhook-timestamp") + "." + bodyText();
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
                for (String signature : header("webhook-signature").split(" ")) {
                    if (signature.equals(expected)) {
                        return true;
                    }
                }
                return false;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final IntUnaryOperator responder;

    private WebhookReceiver(InetAddress address, IntUnaryOperator responder) {
        this.responder = responder;
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** A receiver that accepts everything (204). */
    public static WebhookReceiver accepting() {
        return new WebhookReceiver(InetAddress.getLoopbackAddress(), index -> 204);
    }

    /** A receiver whose answer to the request of each index (from 0) is {@code responder}'s. */
    public static WebhookReceiver answering(IntUnaryOperator responder) {
        return new WebhookReceiver(InetAddress.getLoopbackAddress(), responder);
    }

    /**
     * As {@link #answering}, listening on another loopback address (say 127.0.0.2): one only the servers that
     * allow it may deliver to, so that the test decides which server delivers.
     */
    public static WebhookReceiver answeringOn(InetAddress loopback, IntUnaryOperator responder) {
        return new WebhookReceiver(loopback, responder);
    }

    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/hook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        int index;
        synchronized (received) {
            index = received.size();
            received.add(new Received(headers, body));
            received.notifyAll();
        }
        int status = responder.applyAsInt(index);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Everything received so far. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits until at least {@code count} requests arrived; fails after {@code timeout}. */
    public List<Received> await(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (received) {
            while (received.size() < count) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("The receiver got " + received.size() + " requests, not " + count
                            + ", within " + timeout);
                }
                received.wait(left);
            }
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
