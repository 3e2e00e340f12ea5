package io.slipway.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serving runtime on its own, as a replica of one deployment version (the Kubernetes backend runs it as a
 * Deployment's pods): it loads the model with its SHA-256 checked and a warm-up run, then answers the Open
 * Inference Protocol's data plane under {@code /v2} with the same reader, input checks, bounded queue and writer as
 * the server. It authenticates nobody: it listens on the cluster network behind Slipway, which checks tokens,
 * tenants and roles and routes to it.
 */
public final class ServingReplica implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODEL_PATH = Pattern.compile(
            "/v2/models/([^/]+)(?:/versions/([0-9]{1,9}))?(/ready|/infer)?/?");

    private final ReplicaSettings settings;
    private final Route route;
    private final HttpServer http;
    private final ExecutorService requests;

    private ServingReplica(ReplicaSettings settings, Route route, HttpServer http, ExecutorService requests) {
        this.settings = settings;
        this.route = route;
        this.http = http;
        this.requests = requests;
    }

    /**
     * Loads the model and starts answering; returns once requests are served.
     *
     * @throws UnloadableModelException if the bytes are not the registered ones or ONNX Runtime refuses them
     */
    public static ServingReplica start(ReplicaSettings settings) throws UnloadableModelException, IOException,
            InterruptedException {
        LoadedModel model;
        try (InputStream bytes = open(settings)) {
            model = new ModelLoader(settings.workDirectory()).load(bytes, settings.sha256(),
                    settings.deployment() + " v" + settings.version(), ExecutionTarget.cpu(settings.intraOpThreads()));
        }
        Route route = new Route(settings.deployment(), new Admission(settings.concurrency(), settings.queueCapacity()));
        route.switchTo(settings.version(), model, settings.batching(), settings.queueCapacity(),
                Thread.ofPlatform().daemon().name("replica-batcher-", 0).factory());
        HttpServer http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        // a virtual thread per request: the route's bounded queue, not a thread pool, limits the work
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(requests);
        ServingReplica replica = new ServingReplica(settings, route, http, requests);
        http.createContext("/v2", replica::handle);
        http.start();
        return replica;
    }

    /** The port it listens on (the one given, or the one chosen when 0 was). */
    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        requests.shutdownNow();
        route.close();
    }

    private static InputStream open(ReplicaSettings settings) throws IOException, InterruptedException {
        if (!settings.modelIsUrl()) {
            return Files.newInputStream(Path.of(settings.model()));
        }
        HttpResponse<InputStream> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(settings.model())).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("fetching the model answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/v2") || path.equals("/v2/")) {
                json(exchange, 200, Map.of("name", "slipway-serving-replica", "version", "2",
                        "extensions", List.of("binary_tensor_data")));
            } else if (path.equals("/v2/health/live") || path.equals("/v2/health/ready")) {
                json(exchange, 200, Map.of(path.endsWith("live") ? "live" : "ready", true));
            } else {
                Matcher model = MODEL_PATH.matcher(path);
                if (!model.matches() || !model.group(1).equals(settings.deployment())) {
                    error(exchange, 404, "This replica serves model '" + settings.deployment() + "' only; no " + path);
                    return;
                }
                OptionalInt version = model.group(2) == null ? OptionalInt.empty()
                        : OptionalInt.of(Integer.parseInt(model.group(2)));
                if (version.isPresent() && !route.serves(version.getAsInt())) {
                    error(exchange, 404, "This replica serves version " + settings.version() + " only.");
                } else if ("/infer".equals(model.group(3)) && "POST".equals(method)) {
                    infer(exchange, version);
                } else if ("/ready".equals(model.group(3))) {
                    json(exchange, 200, Map.of("name", settings.deployment(), "ready", true));
                } else if (model.group(3) == null) {
                    json(exchange, 200, metadata());
                } else {
                    error(exchange, 405, method + " is not allowed on " + path);
                }
            }
        } catch (RuntimeException e) {
            // the answer may have started already: nothing more can be said to this client
        }
    }

    private void infer(HttpExchange exchange, OptionalInt version) throws IOException {
        long length = contentLength(exchange);
        if (length < 0) {
            error(exchange, 411, "Send the body with a Content-Length.");
            return;
        }
        if (length > settings.maxRequestBytes()) {
            error(exchange, 413, "Inference requests are limited to " + settings.maxRequestBytes() + " bytes.");
            return;
        }
        try {
            OptionalLong headerLength = headerLength(exchange);
            InferenceRequest request = InferenceRequestReader.read(exchange.getRequestBody(), headerLength);
            InferenceResult result = route.infer(version, request.inputs(), request.outputNames());
            String requestId = java.util.UUID.randomUUID().toString();
            InferenceResponseWriter answer = InferenceResponseWriter.of(settings.deployment(), result.version(),
                    request.id().orElse(requestId), request, result.outputs());
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
            exchange.getResponseHeaders().set("X-Model-Version", Integer.toString(result.version()));
            if (answer.hasBinary()) {
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.getResponseHeaders().set("Inference-Header-Content-Length",
                        Integer.toString(answer.headerLength()));
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                answer.writeTo(out);
            }
        } catch (InvalidInputException e) {
            error(exchange, 400, e.getMessage());
        } catch (NumberFormatException e) {
            error(exchange, 400, "Inference-Header-Content-Length must be the JSON header's length in bytes.");
        } catch (OverloadedException e) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            error(exchange, 429, e.getMessage());
        } catch (VersionNotServedException e) {
            error(exchange, 503, e.getMessage());
        } catch (InferenceFailedException e) {
            error(exchange, 500, "The model could not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 503, "The replica is stopping; send the request again.");
        }
    }

    private Map<String, Object> metadata() {
        ModelSignature signature = route.current().orElseThrow().model().signature();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", settings.deployment());
        metadata.put("versions", List.of(Integer.toString(settings.version())));
        metadata.put("platform", "onnxruntime_onnx");
        metadata.put("inputs", signature.inputs().stream().map(ServingReplica::tensor).toList());
        metadata.put("outputs", signature.outputs().stream().map(ServingReplica::tensor).toList());
        return metadata;
    }

    private static Map<String, Object> tensor(TensorSpec spec) {
        return Map.of("name", spec.name(), "datatype", spec.protocolDatatype(), "shape", spec.shape());
    }

    private static long contentLength(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static OptionalLong headerLength(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Inference-Header-Content-Length");
        return declared == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(declared.strip()));
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("error", message));
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
