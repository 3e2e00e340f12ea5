package io.slipway.helm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The smallest Kubernetes API that Helm's {@code lookup} needs: discovery of {@code v1} and GET of
 * Secrets. helm-java's {@code template()} runs lookups against the cluster of the current kubeconfig
 * (unlike {@code helm template}); the tests point that kubeconfig here, so lookups see exactly the
 * Secrets a test puts in, and never a developer's real cluster.
 */
final class FakeKubeApi implements AutoCloseable {

    private static final String V1_RESOURCES = """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
              {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""";
    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""";

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    private FakeKubeApi(HttpServer server) {
        this.server = server;
    }

    /** Starts the server and writes a kubeconfig for it to the path in the {@code KUBECONFIG} environment variable. */
    static FakeKubeApi startForKubeconfigInEnvironment() throws IOException {
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw new IllegalStateException("KUBECONFIG is not set: run the chart tests through Maven "
                    + "(helm/pom.xml sets it for surefire), or set it to a scratch file - never to a real cluster's config");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeKubeApi api = new FakeKubeApi(server);
        server.createContext("/", api::handle);
        server.start();
        Path file = Path.of(kubeconfig);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: fake
                    cluster:
                      server: http://127.0.0.1:%d
                contexts:
                  - name: fake
                    context: {cluster: fake, user: fake}
                current-context: fake
                users:
                  - name: fake
                    user: {token: fake}
                """.formatted(server.getAddress().getPort()));
        return api;
    }

    /** Makes a Secret exist, as after an earlier install. */
    void putSecret(String namespace, String name, Map<String, String> data) {
        String encoded = data.entrySet().stream()
                .map(e -> "\"%s\":\"%s\"".formatted(e.getKey(),
                        Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))))
                .collect(Collectors.joining(","));
        secrets.put(secretPath(namespace, name), """
                {"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},"type":"Opaque","data":{%s}}"""
                .formatted(name, namespace, encoded));
    }

    void clearSecrets() {
        secrets.clear();
    }

    private static String secretPath(String namespace, String name) {
        return "/api/v1/namespaces/%s/secrets/%s".formatted(namespace, name);
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body;
            int status = 200;
            if (path.equals("/api/v1")) {
                body = V1_RESOURCES;
            } else if (secrets.containsKey(path)) {
                body = secrets.get(path);
            } else {
                status = 404;
                body = NOT_FOUND;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
