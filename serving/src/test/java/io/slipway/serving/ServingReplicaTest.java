package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving runtime on its own: a replica of one deployment version, over real HTTP and ONNX Runtime. */
class ServingReplicaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOUBLE_THESE = """
            {"id": "r-1", "inputs": [{"name": "x", "shape": [1, 2], "datatype": "FP32", "data": [1.5, 2.0]}]}""";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aReplicaAnswersTheProtocolWithTheVersionItServesAndTellsWrongInputsTheExpectedShape() throws Exception {
        Path model = HandmadeModels.multipliesBy(dir.resolve("doubles.onnx"), 2f);
        try (ServingReplica replica = ServingReplica.start(settings(model, TestModels.sha256(model)))) {
            HttpResponse<String> answer = post(replica, "/v2/models/doubler/infer", DOUBLE_THESE);
            HttpResponse<String> pinned = post(replica, "/v2/models/doubler/versions/4/infer",
                    DOUBLE_THESE.replace("\"id\": \"r-1\", ", ""));
            HttpResponse<String> otherVersion = post(replica, "/v2/models/doubler/versions/3/infer", DOUBLE_THESE);
            HttpResponse<String> otherModel = post(replica, "/v2/models/tripler/infer", DOUBLE_THESE);
            HttpResponse<String> wrongShape = post(replica, "/v2/models/doubler/infer",
                    "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 3], \"datatype\": \"FP32\", \"data\": [1, 2, 3]}]}");

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("model_name").asText()).isEqualTo("doubler");
            assertThat(body.path("model_version").asText()).isEqualTo("4");
            assertThat(body.path("id").asText()).isEqualTo("r-1");
            assertThat(body.at("/outputs/0/data").toString()).isEqualTo("[3.0,4.0]");
            assertThat(answer.headers().firstValue("X-Model-Version")).contains("4");
            assertThat(JSON.readTree(pinned.body()).path("id").asText()).as("a request without id gets its request id")
                    .isEqualTo(pinned.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(pinned.statusCode()).isEqualTo(200);
            assertThat(otherVersion.statusCode()).isEqualTo(404);
            assertThat(otherModel.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(otherModel.body()).path("error").asText()).contains("doubler");
            assertThat(wrongShape.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(wrongShape.body()).path("error").asText()).contains("must have shape [-1,2]");
            assertThat(get(replica, "/v2/health/ready").statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(get(replica, "/v2/models/doubler/ready").body()).path("ready").asBoolean()).isTrue();
            JsonNode metadata = JSON.readTree(get(replica, "/v2/models/doubler").body());
            assertThat(metadata.at("/inputs/0/name").asText()).isEqualTo("x");
            assertThat(metadata.at("/inputs/0/datatype").asText()).isEqualTo("FP32");
            assertThat(metadata.path("versions").toString()).isEqualTo("[\"4\"]");
        }
    }

    @Test
    void aReplicaWhoseModelIsNotTheRegisteredBytesNeverStarts() throws Exception {
        Path model = HandmadeModels.multipliesBy(dir.resolve("doubles.onnx"), 2f);
        String otherDigest = TestModels.sha256(HandmadeModels.multipliesBy(dir.resolve("triples.onnx"), 3f));

        assertThatThrownBy(() -> ServingReplica.start(settings(model, otherDigest)))
                .isInstanceOf(UnloadableModelException.class)
                .satisfies(e -> assertThat(((UnloadableModelException) e).reason())
                        .isEqualTo(UnloadableModelException.Reason.DIGEST_MISMATCH));
    }

    @Test
    void settingsComeFromTheEnvironmentAndAMissingOneIsNamed() {
        ReplicaSettings settings = ReplicaSettings.from(Map.of("SLIPWAY_REPLICA_DEPLOYMENT", "digits",
                "SLIPWAY_REPLICA_VERSION", "2", "SLIPWAY_REPLICA_MODEL", "https://store.example/presigned",
                "SLIPWAY_REPLICA_SHA256", "ab", "SLIPWAY_REPLICA_BATCH_MAX_SIZE", "8"));

        assertThat(settings.port()).isEqualTo(8081);
        assertThat(settings.modelIsUrl()).isTrue();
        assertThat(settings.batching().enabled()).isTrue();
        assertThat(settings.batching().maxBatchSize()).isEqualTo(8);
        assertThatThrownBy(() -> ReplicaSettings.from(Map.of("SLIPWAY_REPLICA_DEPLOYMENT", "digits")))
                .hasMessage("SLIPWAY_REPLICA_VERSION is required");
    }

    private ReplicaSettings settings(Path model, String sha256) throws Exception {
        return new ReplicaSettings("doubler", 4, model.toString(), sha256, "127.0.0.1", 0,
                Files.createDirectories(dir.resolve("work")), 1, 2, 8, BatchingSettings.off(), 1 << 20);
    }

    private HttpResponse<String> post(ServingReplica replica, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(replica, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ServingReplica replica, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(replica, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ServingReplica replica, String path) {
        return URI.create("http://127.0.0.1:" + replica.port() + path);
    }
}
