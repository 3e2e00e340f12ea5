package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Buckets;
import io.slipway.it.support.Deploying;
import io.slipway.it.support.Inference;
import io.slipway.it.support.InferenceLoop;
import io.slipway.it.support.InferenceProtocolSpec;
import io.slipway.it.support.SharedModels;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving through the Open Inference Protocol with real tokens, the real ONNX Runtime and the real embedded S3:
 * a deployment that follows production switches on promotion and rollback with no failed request, answers name the
 * version that computed them, bad inputs are told the expected shape, and every answer validates against the
 * official spec (where {@code ../shared/data/specs} is present).
 */
class ServingIT extends ApiTestBase {


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
    void aProductionDeploymentFollowsPromotionAndRollbackWithoutAFailedRequest() throws Exception {
        deploying.upload("iris", Deploying.irisModel(scratch, "v1"));
        deploying.upload("iris", Deploying.irisModel(scratch, "v2"));
        deploying.promote("iris", 1);
        deploying.deployProduction("scorer", "iris", Map.of());
        deploying.awaitServing("scorer", 1);

        Inference.Answer first = infer("bob", "scorer");
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().path("model_name").asText()).isEqualTo("scorer");
        assertThat(first.json().path("model_version").asText()).isEqualTo("1");
        assertThat(first.json().path("id").asText()).isEqualTo("flower-1");
        assertThat(first.json().at("/outputs/0/shape").toString()).isEqualTo("[1,3]");
        assertThat(first.header("X-Request-Id")).isPresent();
        assertThat(first.header("X-Model-Version")).contains("1");
        validIfSpecPresent("inference_response", first.json());

        InferenceLoop client = new InferenceLoop(() -> infer("bob", "scorer"));
        client.awaitAnswers(3);
        long promoted = System.nanoTime();
        deploying.promote("iris", 2);
        long switchedAfter = client.firstAnswerBy(2) - promoted;
        long rolledBack = System.nanoTime();
        Api.Reply rollback = api.post(Users.token("carol"), acme.projectPath() + "/models/iris/stages/production/rollback",
                Map.of("reason", "v2 misbehaves"));
        long backAfter = client.firstAnswerBy(1, rolledBack) - rolledBack;
        client.awaitAnswers(client.answered() + 3);
        client.stop();

        assertThat(rollback.status()).as("%s", rollback).isEqualTo(200);
        assertThat(client.failures()).as("requests that failed while switching").isEmpty();
        System.out.printf("ServingIT: promotion switched after %d ms, rollback after %d ms, %d requests, none failed%n",
                TimeUnit.NANOSECONDS.toMillis(switchedAfter), TimeUnit.NANOSECONDS.toMillis(backAfter), client.answered());
        assertThat(TimeUnit.NANOSECONDS.toMillis(backAfter)).as("a rollback to the version kept loaded").isLessThan(1000);
        JsonNode status = deploying.awaitServing("scorer", 1);
        assertThat(status.path("previousVersion").asInt()).isEqualTo(2);
    }

    @Test
    void wrongInputsAreToldTheExpectedShapeInBothErrorForms() {
        deploying.upload("iris", Deploying.irisModel(scratch, "v1"));
        deploying.promote("iris", 1);
        deploying.deployProduction("scorer", "iris", Map.of());
        deploying.awaitServing("scorer", 1);

        Inference.Answer wrongShape = inference.postJson(Users.token("bob"), infer("scorer"), Map.of("inputs", List.of(
                Map.of("name", "input", "shape", List.of(1, 5), "datatype", "FP32", "data", List.of(1, 2, 3, 4, 5)))));
        Inference.Answer wrongName = inference.postJson(Users.token("bob"), infer("scorer"), Map.of("inputs", List.of(
                Map.of("name", "features", "shape", List.of(1, 4), "datatype", "FP32", "data", List.of(1, 2, 3, 4)))));
        Inference.Answer notJson = inference.postBinary(Users.token("bob"), infer("scorer"), "{\"inputs\": [", new byte[0]);
        Inference.Answer unknown = inference.postJson(Users.token("bob"), infer("nope"), Deploying.ONE_FLOWER);

        assertThat(wrongShape.status()).as("%s", wrongShape).isEqualTo(400);
        assertThat(wrongShape.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(wrongShape.json().path("detail").asText()).isEqualTo(
                "Input 'input' must have shape [-1,4] (float[?,4]), not [1,5].");
        assertThat(wrongShape.json().path("error").asText()).isEqualTo(wrongShape.json().path("detail").asText());
        assertThat(wrongShape.json().path("errors").findValuesAsText("field")).containsExactly("inputs.input.shape");
        assertThat(wrongShape.header("X-Request-Id")).isPresent();
        assertThat(wrongName.json().path("detail").asText()).contains("no input named 'features'").contains("input float[?,4]");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asText()).contains("nope");
        for (Inference.Answer error : List.of(wrongShape, wrongName, notJson, unknown)) {
            validIfSpecPresent("inference_error_response", error.json());
        }
    }

    @Test
    void everyRequestThatReachedTheDeploymentIsLoggedWithItsIdVersionAndCaller() {
        deploying.upload("iris", Deploying.irisModel(scratch, "v1"));
        deploying.promote("iris", 1);
        deploying.deployProduction("scorer", "iris", Map.of());
        deploying.awaitServing("scorer", 1);

        Inference.Answer answered = infer("bob", "scorer");
        Inference.Answer refused = inference.postJson(Users.token("carol"), infer("scorer"), Map.of("inputs", List.of(
                Map.of("name", "input", "shape", List.of(1, 3), "datatype", "FP32", "data", List.of(1, 2, 3)))));
        JsonNode log = awaitLog(2, "");
        JsonNode onlyAnswered = api.get(Users.token("dave"), logs() + "?status=200").json();
        JsonNode firstPage = api.get(Users.token("dave"), logs() + "?limit=1").json();
        JsonNode secondPage = api.get(Users.token("dave"), logs() + "?limit=1&cursor="
                + firstPage.path("nextCursor").asText()).json();

        JsonNode newest = log.at("/items/0");
        assertThat(newest.path("requestId").asText()).isEqualTo(refused.header("X-Request-Id").orElseThrow());
        assertThat(newest.path("status").asInt()).isEqualTo(400);
        assertThat(newest.path("errorCode").asText()).isEqualTo("invalid-inference-request");
        assertThat(newest.at("/actor/name").asText()).isEqualTo("carol");
        JsonNode older = log.at("/items/1");
        assertThat(older.path("requestId").asText()).isEqualTo(answered.header("X-Request-Id").orElseThrow());
        assertThat(older.path("status").asInt()).isEqualTo(200);
        assertThat(older.path("version").asInt()).isEqualTo(1);
        assertThat(older.at("/actor/name").asText()).isEqualTo("bob");
        assertThat(older.at("/actor/kind").asText()).isEqualTo("person");
        assertThat(older.path("latencyMs").asDouble()).isPositive();
        assertThat(onlyAnswered.path("items").findValuesAsText("requestId")).containsExactly(older.path("requestId").asText());
        assertThat(firstPage.path("items").findValuesAsText("requestId")).containsExactly(newest.path("requestId").asText());
        assertThat(secondPage.path("items").findValuesAsText("requestId")).containsExactly(older.path("requestId").asText());
        assertThat(api.get(Users.token("erin"), logs()).status()).isEqualTo(404);
    }

    private String logs() {
        return acme.projectPath() + "/deployments/scorer/logs";
    }

    /** The log once it holds {@code count} requests (it is written in batches, a fraction of a second later). */
    private JsonNode awaitLog(int count, String query) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode log;
        do {
            log = api.get(Users.token("dave"), logs() + query).json();
            if (log.path("items").size() >= count) {
                return log;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The request log never held " + count + " requests: " + log);
    }

    @Test
    void viewersCallOnlyWhereAllowedOutsidersNeverAndARevokedRoleAtOnce() {
        deploying.upload("iris", Deploying.irisModel(scratch, "v1"));
        deploying.promote("iris", 1);
        deploying.deployProduction("scorer", "iris", Map.of());
        deploying.awaitServing("scorer", 1);

        Inference.Answer daveBefore = infer("dave", "scorer");
        Api.Reply opened = api.patch(Users.token("carol"), acme.projectPath() + "/deployments/scorer",
                Map.of("viewersMayInfer", true));
        Inference.Answer daveAfter = infer("dave", "scorer");
        Inference.Answer erin = infer("erin", "scorer");
        Inference.Answer anonymous = inference.postJson(null, infer("scorer"), Deploying.ONE_FLOWER);
        Inference.Answer erinsMetadata = inference.get(Users.token("erin"), serving() + "/models/scorer");
        List<Inference.Answer> erinEverywhere = List.of(
                inference.get(Users.token("erin"), serving()),
                inference.get(Users.token("erin"), serving() + "/health/live"),
                inference.get(Users.token("erin"), serving() + "/health/ready"),
                inference.get(Users.token("erin"), serving() + "/models/scorer/versions/1"),
                inference.get(Users.token("erin"), serving() + "/models/scorer/ready"),
                inference.get(Users.token("erin"), serving() + "/models/scorer/versions/1/ready"),
                inference.postJson(Users.token("erin"), serving() + "/models/scorer/versions/1/infer", Deploying.ONE_FLOWER),
                inference.postJson(Users.token("erin"), acme.projectPath() + "/deployments/scorer/predict", Deploying.ONE_FLOWER),
                inference.get(Users.token("erin"), acme.projectPath() + "/deployments/scorer/logs"));
        Inference.Answer bobBefore = infer("bob", "scorer");
        Api.Reply revoked = api.delete(Users.token("alice"), acme.projectPath() + "/members/" + Users.id("bob"));
        Inference.Answer bobAfter = infer("bob", "scorer");

        assertThat(daveBefore.status()).as("%s", daveBefore).isEqualTo(403);
        assertThat(daveBefore.json().path("detail").asText()).contains("does not let viewers call it");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(daveAfter.status()).as("%s", daveAfter).isEqualTo(200);
        assertThat(erin.status()).isEqualTo(404);
        assertThat(erinsMetadata.status()).isEqualTo(404);
        assertThat(erinEverywhere).as("another organization's member on every serving path")
                .allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(404));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(bobBefore.status()).isEqualTo(200);
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);
        assertThat(bobAfter.status()).as("a revoked role is not remembered: %s", bobAfter).isEqualTo(404);
    }

    @Test
    void aCorruptVersionFailsToLoadWithItsReasonAndTheOldOneKeepsServing() {
        deploying.upload("iris", Deploying.irisModel(scratch, "v1"));
        Deploying.Uploaded second = deploying.upload("iris", Deploying.irisModel(scratch, "v2"));
        deploying.promote("iris", 1);
        deploying.deployProduction("scorer", "iris", Map.of());
        deploying.awaitServing("scorer", 1);
        Buckets.corrupt(acme, second.sha256(), "rotten bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        deploying.promote("iris", 2);
        JsonNode failed = deploying.await("scorer", d -> "failed".equals(d.path("state").asText()));
        Inference.Answer stillServing = infer("bob", "scorer");

        assertThat(failed.path("reason").asText()).contains("Version 2 did not load").contains("corrupt in storage")
                .contains("Version 1 keeps serving");
        assertThat(failed.path("servingVersion").asInt()).isEqualTo(1);
        assertThat(stillServing.status()).as("%s", stillServing).isEqualTo(200);
        assertThat(stillServing.json().path("model_version").asText()).isEqualTo("1");
    }

    @Test
    void metadataReadinessAndBinaryTensorsFollowTheProtocol() {
        deploying.upload("iris", Deploying.irisModel(scratch, "v1"));
        deploying.promote("iris", 1);
        deploying.deployProduction("scorer", "iris", Map.of("batching", Map.of("enabled", true, "maxDelayMs", 1)));
        deploying.awaitServing("scorer", 1);

        Inference.Answer server = inference.get(Users.token("dave"), serving());
        Inference.Answer model = inference.get(Users.token("dave"), serving() + "/models/scorer");
        Inference.Answer version = inference.get(Users.token("dave"), serving() + "/models/scorer/versions/1");
        Inference.Answer ready = inference.get(Users.token("dave"), serving() + "/models/scorer/ready");
        Inference.Answer notLoaded = inference.get(Users.token("dave"), serving() + "/models/scorer/versions/7/ready");
        Inference.Answer live = inference.get(Users.token("dave"), serving() + "/health/live");
        byte[] raw = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(5.1f).putFloat(3.5f).putFloat(1.4f).putFloat(0.2f)
                .putFloat(6.7f).putFloat(3.0f).putFloat(5.2f).putFloat(2.3f).array();
        Inference.Answer binary = inference.postBinary(Users.token("bob"), infer("scorer"), """
                {"inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32", "parameters": {"binary_data_size": 32}}],
                 "outputs": [{"name": "output", "parameters": {"binary_data": true}}]}""", raw);

        assertThat(server.json().path("extensions").toString()).contains("binary_tensor_data");
        assertThat(model.status()).as("%s", model).isEqualTo(200);
        assertThat(model.json().path("platform").asText()).isEqualTo("onnxruntime_onnx");
        assertThat(model.json().at("/inputs/0/shape").toString()).isEqualTo("[-1,4]");
        assertThat(model.json().at("/inputs/0/datatype").asText()).isEqualTo("FP32");
        assertThat(version.json().path("versions").toString()).isEqualTo("[\"1\"]");
        assertThat(ready.json().path("ready").asBoolean()).isTrue();
        assertThat(notLoaded.status()).isEqualTo(503);
        assertThat(live.status()).isEqualTo(200);
        assertThat(binary.status()).as("%s", binary).isEqualTo(200);
        int headerLength = Integer.parseInt(binary.header("Inference-Header-Content-Length").orElseThrow());
        JsonNode header = new Inference.Answer(200, binary.headers(), java.util.Arrays.copyOf(binary.body(), headerLength))
                .json();
        assertThat(header.at("/outputs/0/shape").toString()).isEqualTo("[2,3]");
        assertThat(header.at("/outputs/0/parameters/binary_data_size").asInt()).isEqualTo(24);
        assertThat(binary.body().length).isEqualTo(headerLength + 24);
        validIfSpecPresent("metadata_server_response", server.json());
        validIfSpecPresent("metadata_model_response", model.json());
        validIfSpecPresent("metadata_model_response", version.json());
    }

    @Test
    void mnistAnswersTenLogitsAndATooFlatImageIsToldItsShape() throws Exception {
        byte[] mnist = Files.readAllBytes(SharedModels.require("mnist.onnx"));
        deploying.upload("digits-model", mnist);
        deploying.promote("digits-model", 1);
        deploying.deployProduction("digits", "digits-model", Map.of());
        deploying.awaitServing("digits", 1);
        float[] zeros = new float[28 * 28];

        Inference.Answer logits = inference.postJson(Users.token("bob"), infer("digits"), Map.of("inputs", List.of(Map.of(
                "name", "Input3", "shape", List.of(1, 1, 28, 28), "datatype", "FP32", "data", zeros))));
        Inference.Answer flat = inference.postJson(Users.token("bob"), infer("digits"), Map.of("inputs", List.of(Map.of(
                "name", "Input3", "shape", List.of(1, 28, 28), "datatype", "FP32", "data", zeros))));

        assertThat(logits.status()).as("%s", logits).isEqualTo(200);
        assertThat(logits.json().at("/outputs/0/shape").toString()).isEqualTo("[1,10]");
        assertThat(logits.json().at("/outputs/0/data").size()).isEqualTo(10);
        assertThat(logits.json().path("model_version").asText()).isEqualTo("1");
        assertThat(flat.status()).isEqualTo(400);
        assertThat(flat.json().path("detail").asText()).contains("must have shape [1,1,28,28]");
        validIfSpecPresent("inference_response", logits.json());
        validIfSpecPresent("inference_error_response", flat.json());
    }

    private Inference.Answer infer(String user, String deployment) {
        return inference.postJson(Users.token(user), infer(deployment), Deploying.ONE_FLOWER);
    }

    private String serving() {
        return acme.projectPath() + "/serving/v2";
    }

    private String infer(String deployment) {
        return serving() + "/models/" + deployment + "/infer";
    }

    private static void validIfSpecPresent(String schema, JsonNode body) {
        if (InferenceProtocolSpec.present()) {
            InferenceProtocolSpec.assertValid(schema, body);
        }
    }
}
