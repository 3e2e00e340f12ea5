package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Database;
import io.slipway.it.support.Deploying;
import io.slipway.it.support.Inference;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What serving tells about itself, with real tokens, the real ONNX Runtime and the real embedded S3: Prometheus
 * series per deployment and version, the console's window summary, payload samples, a request log kept as long as
 * its organization says, and a request as the last node of its lineage.
 */
class ServingObservabilityIT extends ApiTestBase {

    private static final Map<String, Object> WRONG_SHAPE = Map.of("inputs", List.of(Map.of(
            "name", "input", "shape", List.of(1, 3), "datatype", "FP32", "data", List.of(1, 2, 3))));
    private static final String METRICS_TOKEN = "it-metrics-token";

    @TempDir
    Path scratch;

    private TestOrg acme;
    private Deploying deploying;
    private Inference inference;

    @BeforeEach
    void aFreshOrganization() throws Exception {
        acme = TestOrg.create(api);
        deploying = new Deploying(api, uploads, acme);
        inference = new Inference(base.toURI());
    }

    @Test
    void requestsAreCountedPerDeploymentAndVersionForPrometheusAndSummarizedForTheConsole() throws Exception {
        serveIris(acme, deploying, "scorer", Map.of());
        for (int i = 0; i < 3; i++) {
            assertThat(infer("bob", "scorer", Deploying.ONE_FLOWER).status()).isEqualTo(200);
        }
        assertThat(infer("bob", "scorer", WRONG_SHAPE).status()).isEqualTo(400);

        HttpResponse<String> anonymous = scrape(Optional.empty());
        HttpResponse<String> wrongToken = scrape(Optional.of("guess"));
        HttpResponse<String> scraped = scrape(Optional.of(METRICS_TOKEN));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        String text = scraped.body();
        Map<String, String> scorer = Map.of("org", acme.slug(), "project", acme.project(), "deployment", "scorer");
        assertThat(sample(text, "slipway_inference_requests_total", with(scorer, "version", "1", "status", "200")))
                .contains(3.0);
        assertThat(sample(text, "slipway_inference_requests_total", with(scorer, "version", "none", "status", "400")))
                .contains(1.0);
        assertThat(sample(text, "slipway_inference_errors_total",
                with(scorer, "version", "none", "code", "invalid-inference-request"))).contains(1.0);
        assertThat(sample(text, "slipway_inference_latency_seconds_count", with(scorer, "version", "1"))).contains(3.0);
        assertThat(sample(text, "slipway_inference_latency_seconds_bucket", with(scorer, "version", "1", "le", "+Inf")))
                .contains(3.0);
        assertThat(sample(text, "slipway_deployment_sessions_loaded", scorer)).contains(1.0);
        assertThat(sample(text, "slipway_deployment_queue_depth", scorer)).contains(0.0);

        JsonNode window = awaitMetrics("scorer", "PT5M", m -> m.at("/totals/requests").asLong() == 4);
        assertThat(window.path("bucketSeconds").asLong()).isEqualTo(5);
        assertThat(window.at("/totals/errors").asLong()).isEqualTo(1);
        assertThat(window.at("/totals/p99Ms").isNumber()).isTrue();
        assertThat(window.path("series")).hasSize(60);
        long charted = 0;
        for (JsonNode step : window.path("series")) {
            charted += step.path("requests").asLong();
        }
        assertThat(charted).isEqualTo(4);
        assertThat(window.path("versions").findValuesAsText("requests")).containsExactly("1", "3");
        assertThat(window.at("/versions/1/version").asInt()).isEqualTo(1);
        assertThat(window.at("/versions/0/version").isMissingNode()).as("refused before any version answered").isTrue();

        Api.Reply badWindow = api.get(Users.token("dave"), deployment("scorer") + "/metrics?window=forever");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.json().path("errors").findValuesAsText("field")).containsExactly("window");
        assertThat(api.get(Users.token("erin"), deployment("scorer") + "/metrics").status()).isEqualTo(404);
    }

    @Test
    void aSampledDeploymentKeepsRequestAndAnswerBodiesShownOnlyToThoseWhoManageIt() {
        serveIris(acme, deploying, "sampled", Map.of("payloadSampleRate", 1.0));
        deploying.deployProduction("unsampled", "iris", Map.of());
        deploying.awaitServing("unsampled", 1);
        Api.Reply tooMuch = api.patch(Users.token("carol"), deployment("sampled"), Map.of("payloadSampleRate", 1.5));

        Inference.Answer answered = infer("bob", "sampled", Deploying.ONE_FLOWER);
        Inference.Answer refused = infer("bob", "sampled", WRONG_SHAPE);
        infer("bob", "unsampled", Deploying.ONE_FLOWER);

        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().path("errors").findValuesAsText("field")).containsExactly("payloadSampleRate");
        JsonNode asBob = awaitLog("bob", "sampled", 2);
        JsonNode answeredRow = row(asBob, answered);
        assertThat(answeredRow.at("/payload/request").asText()).contains("\"flower-1\"").contains("5.1");
        assertThat(answeredRow.at("/payload/response").asText()).contains("\"model_version\":\"1\"")
                .contains("\"outputs\"");
        assertThat(answeredRow.at("/payload/cut").asBoolean()).isFalse();
        JsonNode refusedRow = row(asBob, refused);
        assertThat(refusedRow.at("/payload/request").asText()).contains("[1,3]");
        assertThat(refusedRow.at("/payload/response").isMissingNode()).as("a refused request has no answer body").isTrue();
        JsonNode asViewer = awaitLog("dave", "sampled", 2);
        assertThat(asViewer.path("items").findValues("payload")).as("viewers see no bodies").isEmpty();
        JsonNode unsampled = awaitLog("bob", "unsampled", 1);
        assertThat(unsampled.path("items").findValues("payload")).as("sampling is off by default").isEmpty();
        assertThat(api.get(Users.token("bob"), deployment("unsampled")).json().path("payloadSampleRate").asDouble())
                .isZero();
    }

    @Test
    void eachOrganizationsRequestLogIsDeletedOnceOlderThanItsOwnRetention() {
        TestOrg other = TestOrg.create(api);
        serveIris(acme, deploying, "scorer", Map.of());
        serveIris(other, new Deploying(api, uploads, other), "scorer", Map.of());
        Api.Reply byViewer = api.patch(Users.token("dave"), acme.path() + "/settings", Map.of("requestLogRetentionDays", 1));
        Api.Reply zero = api.patch(Users.token("alice"), acme.path() + "/settings", Map.of("requestLogRetentionDays", 0));
        Api.Reply oneDay = api.patch(Users.token("alice"), acme.path() + "/settings", Map.of("requestLogRetentionDays", 1));
        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("errors").findValuesAsText("field")).containsExactly("requestLogRetentionDays");
        assertThat(oneDay.status()).as("%s", oneDay).isEqualTo(200);
        assertThat(api.get(Users.token("dave"), acme.path() + "/settings").json().path("requestLogRetentionDays").asInt())
                .isEqualTo(1);
        assertThat(api.get(Users.token("dave"), other.path() + "/settings").json().path("requestLogRetentionDays").asInt())
                .isEqualTo(30);

        String acmeOld = requestId(inference.postJson(Users.token("bob"), acme.projectPath()
                + "/deployments/scorer/predict", Deploying.ONE_FLOWER));
        String acmeRecent = requestId(inference.postJson(Users.token("bob"), acme.projectPath()
                + "/deployments/scorer/predict", Deploying.ONE_FLOWER));
        String otherOld = requestId(inference.postJson(Users.token("bob"), other.projectPath()
                + "/deployments/scorer/predict", Deploying.ONE_FLOWER));
        awaitLogAt(acme, 2);
        awaitLogAt(other, 1);
        backdate(acmeOld, Duration.ofDays(2));
        backdate(acmeRecent, Duration.ofHours(12));
        backdate(otherOld, Duration.ofDays(2));

        JsonNode acmeLog = awaitLogAt(acme, log -> log.path("items").size() == 1);
        assertThat(acmeLog.path("items").findValuesAsText("requestId")).containsExactly(acmeRecent);
        assertThat(awaitLogAt(other, 1).path("items").findValuesAsText("requestId"))
                .as("kept 30 days by the other organization").containsExactly(otherOld);
        JsonNode audit = api.get(Users.token("alice"), acme.path() + "/audit").json();
        assertThat(audit.path("items").findValuesAsText("action")).contains("organization.settings-changed");
    }

    @Test
    void aRequestIsTheLastNodeOfItsLineageFromTheModelVersionThroughItsPromotionAndDeployment() {
        serveIris(acme, deploying, "scorer", Map.of());
        String request = requestId(infer("bob", "scorer", Deploying.ONE_FLOWER));
        awaitLog("bob", "scorer", 1);

        Api.Reply lineage = api.get(Users.token("dave"), acme.projectPath() + "/lineage?node=request:" + request);
        Api.Reply unknown = api.get(Users.token("dave"), acme.projectPath() + "/lineage?node=request:" + UUID.randomUUID());
        Api.Reply outsider = api.get(Users.token("erin"), acme.projectPath() + "/lineage?node=request:" + request);

        assertThat(lineage.status()).as("%s", lineage).isEqualTo(200);
        JsonNode graph = lineage.json();
        assertThat(graph.path("root").asText()).isEqualTo("request:" + request);
        assertThat(graph.path("nodes").findValuesAsText("kind"))
                .contains("model-version", "promotion", "deployment", "request");
        String promotion = graph.path("nodes").findValuesAsText("id").stream().filter(id -> id.startsWith("promotion:"))
                .findFirst().orElseThrow();
        List<String> edges = new ArrayList<>();
        graph.path("edges").forEach(e -> edges.add(e.path("from").asText() + " -" + e.path("relation").asText()
                + "-> " + e.path("to").asText()));
        assertThat(edges).contains("model-version:iris:1 -promoted-> " + promotion,
                promotion + " -served-by-> deployment:scorer", "deployment:scorer -answered-> request:" + request);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(outsider.status()).isEqualTo(404);
    }

    private void serveIris(TestOrg org, Deploying in, String name, Map<String, Object> extra) {
        in.upload("iris", Deploying.irisModel(scratch, "v1"));
        in.promote("iris", 1);
        in.deployProduction(name, "iris", extra);
        in.awaitServing(name, 1);
    }

    private Inference.Answer infer(String user, String deployment, Map<String, Object> body) {
        return inference.postJson(Users.token(user), acme.projectPath() + "/serving/v2/models/" + deployment + "/infer",
                body);
    }

    private String deployment(String name) {
        return acme.projectPath() + "/deployments/" + name;
    }

    private static String requestId(Inference.Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.header("X-Request-Id").orElseThrow();
    }

    private static JsonNode row(JsonNode log, Inference.Answer answer) {
        String id = answer.header("X-Request-Id").orElseThrow();
        for (JsonNode item : log.path("items")) {
            if (item.path("requestId").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("request " + id + " is not in the log: " + log);
    }

    private static void backdate(String requestId, Duration age) {
        int rows = Database.update("update inference_requests set received_at = ? where id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minus(age), UUID.fromString(requestId));
        assertThat(rows).isEqualTo(1);
    }

    private JsonNode awaitLog(String user, String deployment, int count) {
        return until(() -> api.get(Users.token(user), deployment(deployment) + "/logs").json(),
                log -> log.path("items").size() >= count, "the log of " + deployment + " holding " + count);
    }

    private JsonNode awaitLogAt(TestOrg org, int count) {
        return awaitLogAt(org, log -> log.path("items").size() >= count);
    }

    private JsonNode awaitLogAt(TestOrg org, Predicate<JsonNode> until) {
        return until(() -> api.get(Users.token("dave"), org.projectPath() + "/deployments/scorer/logs").json(), until,
                "the log of " + org.slug());
    }

    private JsonNode awaitMetrics(String deployment, String window, Predicate<JsonNode> until) {
        return until(() -> api.get(Users.token("dave"), deployment(deployment) + "/metrics?window=" + window).json(),
                until, "the metrics of " + deployment);
    }

    /** Reads {@code read} until {@code until} holds (every 50 ms, for at most 30 s). */
    private static JsonNode until(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> until, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode last;
        do {
            last = read.get();
            if (until.test(last)) {
                return last;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Never saw " + what + ": " + last);
    }

    private HttpResponse<String> scrape(Optional<String> token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("metrics")).GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String... more) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    /** The value of the series {@code name} whose labels include {@code labels}, in Prometheus text. */
    private static Optional<Double> sample(String text, String name, Map<String, String> labels) {
        return text.lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(l -> line.contains(l.getKey() + "=\"" + l.getValue() + "\"")))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
