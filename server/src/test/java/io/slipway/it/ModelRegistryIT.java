package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.devstack.SampleModels;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Digests;
import io.slipway.it.support.SharedModels;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model registry as data scientists, viewers and outsiders use it. */
class ModelRegistryIT extends ApiTestBase {

    @TempDir
    static Path scratch;

    private static TestOrg acme;

    @BeforeEach
    void createTheOrganization() {
        if (acme == null) {
            acme = TestOrg.create(api);
        }
    }

    @Test
    void theThirdPartyModelsRegisterWithTheSignaturesOnnxRuntimeReads() {
        assertSignature("tiny-matmul", "tiny-matmul.onnx", List.of("a float[3,4]", "b float[4,3]"),
                List.of("c float[3,3]"));
        assertSignature("mnist", "mnist.onnx", List.of("Input3 float[1,1,28,28]"),
                List.of("Plus214_Output_0 float[1,10]"));
        assertSignature("ultraface", "ultraface-rfb-320.onnx", List.of("input float[1,3,240,320]"),
                List.of("scores float[1,4420,2]", "boxes float[1,4420,4]"));
    }

    @Test
    void whatIsDownloadedIsByteForByteWhatWasUploaded() {
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch));

        JsonNode created = upload("iris", "iris.onnx", model);
        byte[] downloaded = uploads.download(Users.token("dave"), acme.projectPath() + "/models/iris/versions/"
                + created.get("version").asInt() + "/content");

        assertThat(created.get("sha256").asText()).isEqualTo(Digests.sha256(model));
        assertThat(created.get("sizeBytes").asLong()).isEqualTo(model.length);
        assertThat(created.get("servable").asBoolean()).isTrue();
        assertThat(created.get("stage").asText()).isEqualTo("development");
        assertThat(downloaded).isEqualTo(model);
    }

    @Test
    void uploadingTheSameBytesAgainMakesANewVersionThatReusesTheStoredObject() {
        TestOrg fresh = TestOrg.create(api); // content is shared within an organization: start from none
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch));

        JsonNode first = upload(fresh, "twice", "m.onnx", model);
        JsonNode second = upload(fresh, "twice", "m.onnx", model);

        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("sha256").asText()).isEqualTo(first.get("sha256").asText());
        assertThat(first.get("storedContentReused").asBoolean()).isFalse();
        assertThat(second.get("storedContentReused").asBoolean()).isTrue();
    }

    @Test
    void otherFormatsAreStoredButMarkedNotServable() {
        Api.Reply reply = uploads.raw(Users.token("bob"), acme.projectPath() + "/models/legacy/versions?fileName=model.pkl",
                "application/octet-stream", "pickled bytes".getBytes());

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().get("format").asText()).isEqualTo("pickle");
        assertThat(reply.json().get("servable").asBoolean()).isFalse();
        assertThat(reply.json().has("signature")).isFalse();
    }

    @Test
    void theModelViewListsVersionsWithStageUploaderSizeHashAndMetrics() {
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch));
        Api.Reply created = uploads.multipart(Users.token("bob"), acme.projectPath() + "/models/scored/versions",
                "{\"metrics\": {\"accuracy\": 0.93}, \"params\": {\"epochs\": 5, \"loss\": \"log\"},"
                        + " \"tags\": [\"baseline\"], \"framework\": \"tribuo\","
                        + " \"source\": {\"repository\": \"https://git.example/fraud.git\", \"commit\": \"a1b2c3d4\"}}",
                "scored.onnx", model);

        JsonNode view = api.get(Users.token("dave"), acme.projectPath() + "/models/scored").json();

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode version = view.at("/versions/items/0");
        assertThat(view.get("latestVersion").asInt()).isEqualTo(1);
        assertThat(version.get("stage").asText()).isEqualTo("development");
        assertThat(version.get("createdBy").asText()).isEqualTo("bob");
        assertThat(version.get("sizeBytes").asLong()).isEqualTo(model.length);
        assertThat(version.get("sha256").asText()).isEqualTo(Digests.sha256(model));
        assertThat(version.at("/metrics/accuracy").asDouble()).isEqualTo(0.93);
        assertThat(version.at("/params/loss").asText()).isEqualTo("log");
        assertThat(version.at("/source/commit").asText()).isEqualTo("a1b2c3d4");
        assertThat(view.has("production")).isFalse();
    }

    @Test
    void aModelRecordsTheDatasetVersionItWasTrainedOnAsLineage() {
        byte[] csv = Digests.read(SampleModels.trainingCsv(scratch));
        Api.Reply dataset = uploads.raw(Users.token("bob"), acme.projectPath()
                + "/datasets/iris-train/versions?fileName=iris.csv", "text/csv", csv);
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch));
        Api.Reply created = uploads.multipart(Users.token("bob"), acme.projectPath() + "/models/lineaged/versions",
                "{\"datasets\": [\"iris-train:1\"]}", "lineaged.onnx", model);

        JsonNode fromModel = api.get(Users.token("dave"), acme.projectPath()
                + "/lineage?node=model-version:lineaged:1&depth=2").json();
        JsonNode fromDataset = api.get(Users.token("dave"), acme.projectPath()
                + "/lineage?node=dataset-version:iris-train:1").json();

        assertThat(dataset.status()).as("%s", dataset).isEqualTo(201);
        assertThat(dataset.json().get("rowCount").asLong()).isEqualTo(SampleModels.ROWS);
        assertThat(dataset.json().at("/columns/0/type").asText()).isEqualTo("decimal");
        assertThat(created.json().get("datasets").get(0).asText()).isEqualTo("iris-train:1");
        assertThat(ids(fromModel)).containsExactlyInAnyOrder("model-version:lineaged:1", "dataset-version:iris-train:1");
        assertThat(fromModel.at("/edges/0/from").asText()).isEqualTo("dataset-version:iris-train:1");
        assertThat(fromModel.at("/edges/0/to").asText()).isEqualTo("model-version:lineaged:1");
        assertThat(ids(fromDataset)).contains("model-version:lineaged:1");
    }

    @Test
    void aModelNamingAnUnknownDatasetVersionIsRefusedBeforeItsBytesAreRead() {
        Api.Reply reply = uploads.multipart(Users.token("bob"), acme.projectPath() + "/models/orphan/versions",
                "{\"datasets\": [\"no-such-data:7\"]}", "orphan.onnx", new byte[] {1, 2, 3});

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("code").asText()).isEqualTo("unknown-dataset-version");
        assertThat(api.get(Users.token("bob"), acme.projectPath() + "/models/orphan").status()).isEqualTo(404);
    }

    @Test
    void viewersListAndDownloadButCannotUpload() {
        upload("shared", "shared.onnx", Digests.read(SampleModels.irisLikeClassifier(scratch)));
        String dave = Users.token("dave");

        assertThat(api.get(dave, acme.projectPath() + "/models").status()).isEqualTo(200);
        assertThat(uploads.download(dave, acme.projectPath() + "/models/shared/versions/1/content")).isNotEmpty();
        Api.Reply refused = uploads.raw(dave, acme.projectPath() + "/models/shared/versions?fileName=x.onnx",
                "application/octet-stream", new byte[] {1});
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
    }

    @Test
    void anotherOrganizationSeesNoneOfIt() {
        upload("secret", "secret.onnx", Digests.read(SampleModels.irisLikeClassifier(scratch)));
        String erin = Users.token("erin");
        String project = acme.projectPath();

        for (String path : List.of(project + "/models", project + "/models/secret", project + "/models/secret/versions/1",
                project + "/models/secret/versions/1/content", project + "/datasets",
                project + "/lineage?node=model-version:secret:1")) {
            Api.Reply reply = api.get(erin, path);
            assertThat(reply.status()).as("GET %s as erin: %s", path, reply).isEqualTo(404);
        }
        assertThat(uploads.raw(erin, project + "/models/secret/versions?fileName=x.bin", "application/octet-stream",
                new byte[] {1}).status()).isEqualTo(404);
    }

    @Test
    void aProjectHoldingModelsCannotBeDeleted() {
        TestOrg other = TestOrg.create(api);
        uploads.raw(Users.token("bob"), other.projectPath() + "/models/keep/versions?fileName=k.bin",
                "application/octet-stream", new byte[] {7});

        Api.Reply reply = api.delete(Users.token("alice"), other.projectPath());

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("detail").asText()).contains("1 model");
    }

    @Test
    void aPresignedUrlDownloadsWithoutAToken() {
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch));
        upload("presigned", "p.onnx", model);

        JsonNode link = api.get(Users.token("dave"), acme.projectPath()
                + "/models/presigned/versions/1/content?presign=true").json();

        assertThat(link.get("expiresAt").asText()).isNotBlank();
        assertThat(uploads.download(URI.create(link.get("url").asText()))).isEqualTo(model);
    }

    private void assertSignature(String name, String file, List<String> inputs, List<String> outputs) {
        byte[] model = Digests.read(SharedModels.require(file));
        JsonNode created = upload(name, file, model);
        byte[] downloaded = uploads.download(Users.token("bob"), acme.projectPath() + "/models/" + name
                + "/versions/1/content");

        assertThat(created.get("sha256").asText()).isEqualTo(Digests.sha256(model));
        assertThat(notations(created.at("/signature/inputs"))).containsExactlyElementsOf(inputs);
        assertThat(notations(created.at("/signature/outputs"))).containsExactlyElementsOf(outputs);
        assertThat(Digests.sha256(downloaded)).isEqualTo(Digests.sha256(model));
    }

    private JsonNode upload(String name, String fileName, byte[] content) {
        return upload(acme, name, fileName, content);
    }

    private JsonNode upload(TestOrg org, String name, String fileName, byte[] content) {
        Api.Reply reply = uploads.raw(Users.token("bob"), org.projectPath() + "/models/" + name
                + "/versions?fileName=" + fileName, "application/octet-stream", content);
        assertThat(reply.status()).as("uploading %s: %s", name, reply).isEqualTo(201);
        return reply.json();
    }

    private static List<String> notations(JsonNode tensors) {
        List<String> result = new ArrayList<>();
        tensors.forEach(t -> result.add(t.get("name").asText() + " " + t.get("notation").asText()));
        return result;
    }

    private static List<String> ids(JsonNode graph) {
        List<String> result = new ArrayList<>();
        graph.get("nodes").forEach(n -> result.add(n.get("id").asText()));
        return result;
    }
}
