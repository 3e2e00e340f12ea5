package io.slipway.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.devstack.SampleModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The steps before a deployment answers: models uploaded, promoted with four eyes, deployed, loaded. */
public final class Deploying {

    private final Api api;
    private final Uploads uploads;
    private final TestOrg org;

    /** One iris flower for the models {@link #irisModel} makes: a V2 request body, with the caller's id. */
    public static final Map<String, Object> ONE_FLOWER = Map.of("id", "flower-1", "inputs", List.of(Map.of(
            "name", "input", "shape", List.of(1, 4), "datatype", "FP32", "data", List.of(List.of(5.1, 3.5, 1.4, 0.2)))));

    public Deploying(Api api, Uploads uploads, TestOrg org) {
        this.api = api;
        this.uploads = uploads;
        this.org = org;
    }

    /**
     * The Tribuo-trained iris classifier (input float[?,4], output float[?,3]) with {@code label} as its doc
     * string, so each label gives other bytes; returns them.
     */
    public static byte[] irisModel(Path scratch, String label) {
        try {
            byte[] trained = Files.readAllBytes(SampleModels.irisLikeClassifier(scratch));
            return OnnxMl.ModelProto.parseFrom(trained).toBuilder().setDocString(label).build().toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads an ONNX version as bob; returns its number and digest. */
    public Uploaded upload(String model, byte[] onnx) {
        Api.Reply reply = uploads.raw(Users.token("bob"), org.projectPath() + "/models/" + model
                + "/versions?fileName=" + model + ".onnx", "application/octet-stream", onnx);
        assertThat(reply.status()).as("uploading %s: %s", model, reply).isEqualTo(201);
        return new Uploaded(reply.json().path("version").asInt(), reply.json().path("sha256").asText());
    }

    /** A registered version. */
    public record Uploaded(int version, String sha256) {
    }

    /** bob requests {@code version} for production, carol approves it. */
    public void promote(String model, int version) {
        Api.Reply requested = api.post(Users.token("bob"), org.projectPath() + "/promotions", Map.of("model", model,
                "version", version, "targetStage", "production", "justification", "serving test"));
        assertThat(requested.status()).as("%s", requested).isEqualTo(201);
        Api.Reply approved = api.post(Users.token("carol"), org.projectPath() + "/promotions/"
                + requested.json().path("id").asText() + "/approve", Map.of("comment", "ok"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
    }

    /** carol deploys the model as {@code name}, following production. */
    public JsonNode deployProduction(String name, String model, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "model", model, "stage", "production"));
        body.putAll(extra);
        Api.Reply created = api.post(Users.token("carol"), org.projectPath() + "/deployments", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    /** The deployment once {@code until} holds of it (checked every 20 ms, for at most 30 s). */
    public JsonNode await(String name, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode deployment = null;
        while (System.nanoTime() < deadline) {
            deployment = api.get(Users.token("dave"), org.projectPath() + "/deployments/" + name).json();
            if (until.test(deployment)) {
                return deployment;
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20); // polling interval of a condition, not a guess at how long the work takes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Deployment " + name + " never reached the expected state: " + deployment);
    }

    /** The deployment once it is ready, serving {@code version}. */
    public JsonNode awaitServing(String name, int version) {
        return await(name, d -> "ready".equals(d.path("state").asText()) && d.path("servingVersion").asInt() == version);
    }
}
