package io.slipway.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.devstack.TokenClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serving benchmark (bench/README.md): against a running {@code ./slipway start}, (a) tiny-matmul through the
 * whole Open Inference Protocol path under wrk beside raw ONNX Runtime calls in this process, (b) ultraface with
 * binary and with JSON tensors beside raw ONNX Runtime, (c) the time from a rollback call to the first answer by
 * the previous version while a client loops. Prints figures; asserts nothing.
 */
public final class ServingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: (.*)");

    private final URI slipway;
    private final String project;
    private final TokenClient tokens;
    private final Path models;
    private final int seconds;
    private final int connections;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private ServingBenchmark(URI slipway, URI keycloak, Path models, int seconds, int connections) {
        this.slipway = slipway;
        this.project = "api/v1/orgs/acme/projects/fraud-detection";
        this.tokens = new TokenClient(keycloak + "/realms/slipway");
        this.models = models;
        this.seconds = seconds;
        this.connections = connections;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int seconds = 15;
        int connections = 32;
        Path models = Path.of(env.getOrDefault("SLIPWAY_MODELS_DIR", "../shared/data/models"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--models" -> models = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (options: --seconds N, --connections N, --models DIR)");
            }
        }
        URI slipway = URI.create("http://localhost:" + env.getOrDefault("SLIPWAY_HTTP_PORT", "8080") + "/");
        URI keycloak = URI.create("http://127.0.0.1:" + env.getOrDefault("SLIPWAY_KEYCLOAK_PORT", "8180"));
        new ServingBenchmark(slipway, keycloak, models, seconds, connections).runAll();
    }

    private void runAll() throws Exception {
        System.out.printf(Locale.ROOT, "Serving benchmark: %d cores, %d s per figure, %d connections, wrk %s%n",
                Runtime.getRuntime().availableProcessors(), seconds, connections, wrkVersion());
        matmul();
        ultraface();
        rollback();
    }

    /** (a) The smallest model: what the platform costs per request. */
    private void matmul() throws Exception {
        Path model = models.resolve("tiny-matmul.onnx");
        String name = pinned("bench-matmul", model);
        float[] a = new float[12];
        float[] b = new float[12];
        Arrays.fill(a, 0.5f);
        Arrays.fill(b, 2f);
        String body = JSON.writeValueAsString(Map.of("inputs", List.of(
                Map.of("name", "a", "shape", List.of(3, 4), "datatype", "FP32", "data", a),
                Map.of("name", "b", "shape", List.of(4, 3), "datatype", "FP32", "data", b))));
        Wrk platform = wrk(infer(name), body.getBytes(StandardCharsets.UTF_8), "application/json", null, connections);
        Raw raw = raw(model, Map.of("a", new long[] {3, 4}, "b", new long[] {4, 3}), connections);
        System.out.printf(Locale.ROOT, "(a) tiny-matmul, V2 JSON through Slipway: %.0f req/s, p50 %s, p99 %s, %d failed%n",
                platform.perSecond, platform.p50, platform.p99, platform.failed);
        System.out.printf(Locale.ROOT, "    raw ONNX Runtime in process (%d threads): %.0f calls/s, p50 %.3f ms, p99 %.3f ms;"
                + " Slipway/raw %.3f%n", connections, raw.perSecond, raw.p50Ms, raw.p99Ms, platform.perSecond / raw.perSecond);
    }

    /** (b) A compute-heavy vision model, with binary and with JSON tensors. */
    private void ultraface() throws Exception {
        Path model = models.resolve("ultraface-rfb-320.onnx");
        String name = pinned("bench-ultraface", model);
        int floats = 3 * 240 * 320;
        ByteBuffer raw = ByteBuffer.allocate(floats * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < floats; i++) {
            raw.putFloat((i % 255) / 255f);
        }
        byte[] header = ("{\"inputs\":[{\"name\":\"input\",\"shape\":[1,3,240,320],\"datatype\":\"FP32\","
                + "\"parameters\":{\"binary_data_size\":" + raw.capacity() + "}}],\"outputs\":[{\"name\":\"scores\","
                + "\"parameters\":{\"binary_data\":true}},{\"name\":\"boxes\",\"parameters\":{\"binary_data\":true}}]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[header.length + raw.capacity()];
        System.arraycopy(header, 0, binary, 0, header.length);
        System.arraycopy(raw.array(), 0, binary, header.length, raw.capacity());
        float[] values = new float[floats];
        raw.rewind();
        raw.asFloatBuffer().get(values);
        byte[] json = JSON.writeValueAsBytes(Map.of("inputs", List.of(Map.of("name", "input",
                "shape", List.of(1, 3, 240, 320), "datatype", "FP32", "data", values))));
        int concurrency = Math.max(2, Runtime.getRuntime().availableProcessors());
        Wrk viaBinary = wrk(infer(name), binary, "application/octet-stream", Integer.toString(header.length), concurrency);
        Wrk viaJson = wrk(infer(name), json, "application/json", null, concurrency);
        Raw direct = raw(model, Map.of("input", new long[] {1, 3, 240, 320}), concurrency);
        System.out.printf(Locale.ROOT, "(b) ultraface-rfb-320, %d connections: binary %.1f req/s (p50 %s, p99 %s, %d failed),"
                        + " JSON %.1f req/s (p50 %s, p99 %s); raw ONNX Runtime %.1f calls/s (p50 %.1f ms);"
                        + " binary/raw %.3f, JSON/raw %.3f%n", concurrency, viaBinary.perSecond, viaBinary.p50, viaBinary.p99,
                viaBinary.failed, viaJson.perSecond, viaJson.p50, viaJson.p99, direct.perSecond, direct.p50Ms,
                viaBinary.perSecond / direct.perSecond, viaJson.perSecond / direct.perSecond);
    }

    /** (c) A production deployment rolled back while a client loops: time to the previous version, failures. */
    private void rollback() throws Exception {
        Path model = models.resolve("tiny-matmul.onnx");
        String modelName = "bench-switch-" + run;
        int first = upload(modelName, model);
        int second = upload(modelName, model);
        promote(modelName, first);
        String name = "bench-switch-" + run;
        call("carol", "POST", project + "/deployments", Map.of("name", name, "model", modelName, "stage", "production"));
        awaitServing(name, first);
        byte[] body = JSON.writeValueAsBytes(Map.of("inputs", List.of(
                Map.of("name", "a", "shape", List.of(3, 4), "datatype", "FP32", "data", new float[12]),
                Map.of("name", "b", "shape", List.of(4, 3), "datatype", "FP32", "data", new float[12]))));
        List<Long> times = new ArrayList<>();
        long failures = 0;
        long requests = 0;
        for (int round = 0; round < 5; round++) {
            promote(modelName, second);
            awaitServing(name, second);
            String token = tokens.password("bob", "bob");
            long[] outcome = loopAcrossRollback(name, modelName, body, token, first);
            times.add(outcome[0]);
            failures += outcome[1];
            requests += outcome[2];
        }
        times.sort(null);
        System.out.printf(Locale.ROOT, "(c) rollback to the first answer by the previous version: median %.1f ms, max %.1f ms"
                        + " over %d rollbacks; %d of %d looping requests failed%n", times.get(times.size() / 2) / 1e6,
                times.getLast() / 1e6, times.size(), failures, requests);
    }

    /** Calls in a loop; rolls back; returns {nanos to the first answer by {@code previous}, failures, requests}. */
    private long[] loopAcrossRollback(String name, String modelName, byte[] body, String token, int previous)
            throws Exception {
        AtomicLong failures = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong firstByPrevious = new AtomicLong();
        AtomicLong rolledBackAt = new AtomicLong();
        try (ExecutorService client = Executors.newSingleThreadExecutor()) {
            Future<?> loop = client.submit(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    HttpResponse<byte[]> answer = post(infer(name), body, "application/json", null, token);
                    requests.incrementAndGet();
                    if (answer.statusCode() != 200) {
                        failures.incrementAndGet();
                        continue;
                    }
                    int version = JSON.readTree(answer.body()).path("model_version").asInt();
                    long at = rolledBackAt.get();
                    if (at != 0 && version == previous) {
                        firstByPrevious.set(System.nanoTime() - at);
                        return null;
                    }
                }
                return null;
            });
            Thread.sleep(200); // let the loop get going on the current version first
            rolledBackAt.set(System.nanoTime());
            call("carol", "POST", project + "/models/" + modelName + "/stages/production/rollback",
                    Map.of("reason", "benchmark"));
            loop.get();
        }
        return new long[] {firstByPrevious.get(), failures.get(), requests.get()};
    }

    // ---- setup through the API

    private String pinned(String base, Path model) throws Exception {
        String modelName = base + "-" + run;
        int version = upload(modelName, model);
        call("bob", "POST", project + "/deployments", Map.of("name", modelName, "model", modelName, "version", version));
        awaitServing(modelName, version);
        return modelName;
    }

    private int upload(String modelName, Path file) throws Exception {
        HttpResponse<byte[]> reply = post(project + "/models/" + modelName + "/versions?fileName=" + file.getFileName(),
                Files.readAllBytes(file), "application/octet-stream", null, tokens.password("bob", "bob"));
        require(reply, 201);
        return JSON.readTree(reply.body()).path("version").asInt();
    }

    private void promote(String modelName, int version) throws Exception {
        JsonNode request = call("bob", "POST", project + "/promotions", Map.of("model", modelName, "version", version,
                "targetStage", "production", "justification", "benchmark"));
        call("carol", "POST", project + "/promotions/" + request.path("id").asText() + "/approve", Map.of("comment", "ok"));
    }

    private void awaitServing(String name, int version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode deployment = call("bob", "GET", project + "/deployments/" + name, null);
            if ("ready".equals(deployment.path("state").asText()) && deployment.path("servingVersion").asInt() == version) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Deployment " + name + " never served version " + version);
    }

    private JsonNode call(String user, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(slipway.resolve(path))
                .header("Authorization", "Bearer " + tokens.password(user, user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        require(reply, reply.statusCode() / 100 == 2 ? reply.statusCode() : 200);
        return reply.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(reply.body());
    }

    private HttpResponse<byte[]> post(String path, byte[] body, String type, String headerLength, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(slipway.resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headerLength != null) {
            request.header("Inference-Header-Content-Length", headerLength);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void require(HttpResponse<byte[]> reply, int status) {
        if (reply.statusCode() != status) {
            throw new IllegalStateException(reply.request().method() + " " + reply.uri() + " answered "
                    + reply.statusCode() + ": " + new String(reply.body(), StandardCharsets.UTF_8));
        }
    }

    private String infer(String deployment) {
        return project + "/serving/v2/models/" + deployment + "/infer";
    }

    // ---- load: wrk for the platform, threads for raw ONNX Runtime

    private record Wrk(double perSecond, String p50, String p99, long failed) {
    }

    private Wrk wrk(String path, byte[] body, String type, String headerLength, int concurrency) throws Exception {
        Path bodyFile = Files.createTempFile("bench-body", ".bin");
        Path script = Files.createTempFile("bench", ".lua");
        try {
            Files.write(bodyFile, body);
            String token = tokens.password("bob", "bob"); // lives five minutes: one per run of wrk
            Files.writeString(script, "local f = io.open(\"" + bodyFile + "\", \"rb\")\n"
                    + "wrk.method = \"POST\"\nwrk.body = f:read(\"*all\")\nf:close()\n"
                    + "wrk.headers[\"Content-Type\"] = \"" + type + "\"\n"
                    + "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n"
                    + (headerLength == null ? "" : "wrk.headers[\"Inference-Header-Content-Length\"] = \"" + headerLength + "\"\n"));
            Process wrk = new ProcessBuilder("wrk", "-t", "1", "-c", Integer.toString(concurrency), "-d", seconds + "s",
                    "--latency", "-s", script.toString(), slipway.resolve(path).toString())
                    .redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + out);
            }
            return new Wrk(Double.parseDouble(group(REQUESTS, out, "0")), percentile(out, "50%"), percentile(out, "99%"),
                    Long.parseLong(group(NON_2XX, out, "0")) + (ERRORS.matcher(out).find() ? 1 : 0));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(bodyFile);
        }
    }

    private static String percentile(String wrkOutput, String which) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(which) + "\\s+(\\S+)").matcher(wrkOutput);
        return m.find() ? m.group(1) : "?";
    }

    private static String group(Pattern pattern, String text, String otherwise) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }

    private static String wrkVersion() {
        try {
            Process wrk = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            return out.lines().findFirst().orElse("?").replaceAll("\\s+\\[.*", "");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("wrk is not installed (Debian: apt-get install wrk)", e);
        }
    }

    private record Raw(double perSecond, double p50Ms, double p99Ms) {
    }

    /** The same model called directly in this process from {@code threads} threads, with serving's session options. */
    private Raw raw(Path model, Map<String, long[]> inputs, int threads) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
            try (OrtSession session = environment.createSession(model.toString(), options);
                 ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                List<Future<long[]>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        long[] latencies = new long[1 << 20];
                        int n = 0;
                        while (System.nanoTime() < end && n < latencies.length) {
                            long start = System.nanoTime();
                            Map<String, OnnxTensor> feeds = new java.util.HashMap<>();
                            for (Map.Entry<String, long[]> input : inputs.entrySet()) {
                                long count = Arrays.stream(input.getValue()).reduce(1, Math::multiplyExact);
                                feeds.put(input.getKey(), OnnxTensor.createTensor(environment,
                                        FloatBuffer.allocate((int) count), input.getValue()));
                            }
                            try (OrtSession.Result ignored = session.run(feeds)) {
                                latencies[n++] = System.nanoTime() - start;
                            } finally {
                                feeds.values().forEach(OnnxTensor::close);
                            }
                        }
                        return Arrays.copyOf(latencies, n);
                    }));
                }
                long[] all = new long[0];
                for (Future<long[]> result : results) {
                    long[] part = result.get();
                    long[] merged = Arrays.copyOf(all, all.length + part.length);
                    System.arraycopy(part, 0, merged, all.length, part.length);
                    all = merged;
                }
                Arrays.sort(all);
                return new Raw(all.length / (double) seconds, all[all.length / 2] / 1e6,
                        all[(int) (all.length * 0.99)] / 1e6);
            }
        }
    }
}
