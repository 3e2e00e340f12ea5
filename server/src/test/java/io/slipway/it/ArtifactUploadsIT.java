package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.devstack.SampleModels;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Buckets;
import io.slipway.it.support.Digests;
import io.slipway.it.support.SharedModels;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Uploads;
import io.slipway.it.support.Users;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload pipeline: what a failed, rejected or interrupted upload leaves behind (nothing), concurrency,
 * size limits and hostile file names. Checked against the real S3 store the server writes to.
 */
class ArtifactUploadsIT extends ApiTestBase {

    @TempDir
    static Path scratch;

    @Test
    void aModelOnnxRuntimeRefusesIsRejectedWithTheRuntimesReasonAndLeavesNothing() {
        Path customOps = SharedModels.require("super-resolution-op18.onnx");
        TestOrg org = TestOrg.create(api);
        Set<String> before = Buckets.keys(org);

        Api.Reply reply = rawModel(org, "superres", "superres.onnx", Digests.read(customOps));

        assertThat(reply.status()).as("%s", reply).isEqualTo(422);
        assertThat(reply.json().get("code").asText()).isEqualTo("invalid-onnx");
        assertThat(reply.json().get("detail").asText()).contains("DecodeImage");
        assertNothingLeft(org, "superres", before);
    }

    @Test
    void aTruncatedOnnxFileIsRejectedAndLeavesNothing() {
        TestOrg org = TestOrg.create(api);
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch));
        Set<String> before = Buckets.keys(org);

        Api.Reply reply = rawModel(org, "truncated", "t.onnx", Arrays.copyOf(model, model.length / 2));

        assertThat(reply.status()).as("%s", reply).isEqualTo(422);
        assertThat(reply.isProblem()).isTrue();
        assertNothingLeft(org, "truncated", before);
    }

    @Test
    void anEmptyBodyAndAZeroByteFileAreRejectedAndLeaveNothing() {
        TestOrg org = TestOrg.create(api);
        Set<String> before = Buckets.keys(org);

        Api.Reply emptyBody = rawModel(org, "empty", "e.onnx", new byte[0]);
        Api.Reply zeroByteFile = uploads.multipart(Users.token("bob"), org.projectPath() + "/models/empty/versions",
                null, "zero.onnx", new byte[0]);
        Api.Reply emptyDataset = uploads.raw(Users.token("bob"), org.projectPath() + "/datasets/empty/versions",
                "text/csv", new byte[0]);

        for (Api.Reply reply : List.of(emptyBody, zeroByteFile, emptyDataset)) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(400);
            assertThat(reply.json().get("code").asText()).isEqualTo("empty-upload");
        }
        assertNothingLeft(org, "empty", before);
        assertThat(api.get(Users.token("bob"), org.projectPath() + "/datasets/empty").status()).isEqualTo(404);
    }

    @Test
    void aConnectionDroppedInTheMiddleOfA200MegabyteUploadLeavesNoVersionAndAfterCollectionNoObject() {
        TestOrg org = TestOrg.create(api);
        Set<String> before = Buckets.keys(org);

        uploads.breakOff(Users.token("bob"), org.projectPath() + "/models/dropped/versions?fileName=big.bin",
                200L * 1024 * 1024, 30L * 1024 * 1024);
        // the server learns of the broken connection on its next read and gives the upload up: wait for that
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Buckets.openUploads(org) > 0 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        Api.Reply collected = api.post(Users.token("root"), "api/v1/platform/storage/collect?graceSeconds=0", "{}");

        assertThat(collected.status()).as("%s", collected).isEqualTo(200);
        assertNothingLeft(org, "dropped", before);
        assertThat(Buckets.openUploads(org)).as("multipart uploads left open").isZero();
    }

    @Test
    void tenConcurrentUploadsOfOneModelGetTenDistinctVersionNumbers() throws Exception {
        TestOrg org = TestOrg.create(api);
        String bob = Users.token("bob");
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                byte[] content = ("model bytes #" + i).getBytes();
                replies.add(pool.submit(() -> uploads.raw(bob, org.projectPath()
                        + "/models/busy/versions?fileName=busy.bin", "application/octet-stream", content)));
            }
        }
        List<Integer> versions = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
            assertThat(reply.get().status()).as("%s", reply.get()).isEqualTo(201);
            versions.add(reply.get().json().get("version").asInt());
        }

        assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void anUploadOverTheOrganizationsLimitIsRefusedNamingTheLimitWithOrWithoutContentLength() {
        TestOrg limited = smallLimitOrg();
        Set<String> before = Buckets.keys(limited);
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];

        Api.Reply declared = uploads.raw(Users.token("alice"), limited.projectPath()
                + "/datasets/big/versions?fileName=big.bin", "application/octet-stream", twoMegabytes);
        Api.Reply chunked = uploads.chunked(Users.token("alice"), limited.projectPath()
                + "/datasets/big/versions?fileName=big.bin", () -> new ByteArrayInputStream(twoMegabytes));

        for (Api.Reply reply : List.of(declared, chunked)) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(413);
            assertThat(reply.json().get("detail").asText()).contains("1 MiB");
        }
        assertThat(Buckets.keys(limited)).isEqualTo(before);
        assertThat(api.get(Users.token("alice"), limited.projectPath() + "/datasets/big").status()).isEqualTo(404);
    }

    @Test
    void aHostileFileNameIsKeptAsHarmlessMetadataOnly() {
        TestOrg org = TestOrg.create(api);

        Api.Reply traversal = uploads.raw(Users.token("bob"), org.projectPath()
                + "/datasets/names/versions?fileName=..%2F..%2Fetc%2Fpasswd", "text/plain", "root:x:0:0".getBytes());
        Api.Reply nul = uploads.raw(Users.token("bob"), org.projectPath()
                + "/datasets/names/versions?fileName=report%00.exe.csv", "text/plain", "a,b\n1,2\n".getBytes());

        assertThat(traversal.status()).as("%s", traversal).isEqualTo(201);
        assertThat(traversal.json().get("fileName").asText()).isEqualTo("passwd");
        assertThat(nul.json().get("fileName").asText()).isEqualTo("report.exe.csv");
        assertThat(Buckets.keys(org)).allMatch(key -> key.matches("sha256/[0-9a-f]{64}"));
    }

    @Test
    void aCsvHeaderTooWideToStoreWholeRegistersWithATruncatedProfile() {
        TestOrg org = TestOrg.create(api);
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 1500; i++) { // 150,000 characters of column names
            header.append(i == 0 ? "" : ",").append(String.format("column_%093d", i));
            row.append(i == 0 ? "" : ",").append(i);
        }
        byte[] csv = (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8);

        Api.Reply reply = uploads.raw(Users.token("bob"), org.projectPath() + "/datasets/wide/versions?fileName=wide.csv",
                "text/csv", csv);
        Api.Reply read = api.get(Users.token("dave"), org.projectPath() + "/datasets/wide/versions/1");

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        for (Api.Reply version : List.of(reply, read)) {
            assertThat(version.status()).as("%s", version).isIn(200, 201);
            assertThat(version.json().path("rowCount").asLong()).isEqualTo(1);
            assertThat(version.json().path("columnCount").asInt()).isEqualTo(1500);
            assertThat(version.json().path("columnsTruncated").asBoolean()).isTrue();
            assertThat(version.json().path("columns").size()).isBetween(100, 1499);
            assertThat(version.json().path("columns").get(0).path("name").asText()).isEqualTo(String.format("column_%093d", 0));
        }
    }

    @Test
    void aMediaTypeIsReadWhateverItsCaseAndStoredInCanonicalFormOfBoundedLength() {
        TestOrg org = TestOrg.create(api);
        String path = org.projectPath() + "/datasets/typed/versions";

        Api.Reply shouting = uploads.raw(Users.token("bob"), path, "TEXT/CSV; Charset=UTF-8", "a,b\n1,2\n".getBytes());
        Api.Reply longParameter = uploads.raw(Users.token("bob"), path, "Text/Csv; comment=" + "y".repeat(300),
                "a,b\n1,2\n".getBytes());

        assertThat(shouting.status()).as("%s", shouting).isEqualTo(201);
        assertThat(shouting.json().path("mediaType").asText()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(shouting.json().path("rowCount").asLong()).as("profiled as CSV").isEqualTo(1);
        assertThat(longParameter.status()).as("%s", longParameter).isEqualTo(201);
        assertThat(longParameter.json().path("mediaType").asText()).isEqualTo("text/csv");
        assertThat(uploads.download(Users.token("dave"), path + "/2/content")).isEqualTo("a,b\n1,2\n".getBytes());
    }

    @Test
    void reuseIsReportedOnlyForBytesTheSameModelAlreadyHoldsNeverForAnotherProjects() {
        TestOrg org = TestOrg.create(api);
        assertThat(api.post(Users.token("alice"), org.path() + "/projects", Map.of("slug", "other", "name", "Other"))
                .status()).isEqualTo(201);
        TestOrg other = new TestOrg(org.slug(), "other");
        other.grant(api, "bob", "data-scientist");
        byte[] weights = "weights two projects hold".getBytes(StandardCharsets.UTF_8);

        Api.Reply first = rawModel(other, "shared", "m.bin", weights);
        Api.Reply inAnotherProject = rawModel(org, "shared", "m.bin", weights);
        Api.Reply inAnotherModel = rawModel(org, "cousin", "m.bin", weights);
        Api.Reply again = rawModel(org, "shared", "m.bin", weights);
        Api.Reply datasetInAnotherProject = uploads.raw(Users.token("bob"), org.projectPath()
                + "/datasets/shared/versions?fileName=m.bin", "application/octet-stream", weights);

        for (Api.Reply reply : List.of(first, inAnotherProject, inAnotherModel, again, datasetInAnotherProject)) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        }
        assertThat(first.json().path("storedContentReused").asBoolean()).isFalse();
        assertThat(inAnotherProject.json().path("storedContentReused").asBoolean())
                .as("bob may not learn what project 'other' holds from project '%s'", org.project()).isFalse();
        assertThat(inAnotherModel.json().path("storedContentReused").asBoolean()).isFalse();
        assertThat(datasetInAnotherProject.json().path("storedContentReused").asBoolean()).isFalse();
        assertThat(again.json().path("storedContentReused").asBoolean()).as("the model's own version 1").isTrue();
        assertThat(again.json().path("version").asInt()).isEqualTo(2);
        assertThat(Buckets.keys(org)).as("stored once all the same")
                .containsExactly("sha256/" + Digests.sha256(weights));
    }

    private TestOrg smallLimitOrg() {
        // the test server limits organization it-small-limit to 1 MiB (server/pom.xml)
        String root = Users.token("root");
        api.post(root, "api/v1/orgs", Map.of("slug", "it-small-limit", "name", "Small", "owner", "alice"));
        api.post(Users.token("alice"), "api/v1/orgs/it-small-limit/projects", Map.of("slug", "p", "name", "P"));
        return new TestOrg("it-small-limit", "p");
    }

    @Test
    void contentLeftUnregisteredIsReusedByAnUploadOfTheSameBytesAndThenKeptWhileTheRestIsCollected() {
        TestOrg org = TestOrg.create(api);
        byte[] reused = "weights the next upload brings again".getBytes(StandardCharsets.UTF_8);
        byte[] abandoned = "weights nobody uploads again".getBytes(StandardCharsets.UTF_8);
        String reusedKey = Buckets.storeUnregistered(org, reused);
        String abandonedKey = Buckets.storeUnregistered(org, abandoned);

        Api.Reply upload = rawModel(org, "leftover", "model.pkl", reused);
        Api.Reply collected = api.post(Users.token("root"), "api/v1/platform/storage/collect?graceSeconds=0", "{}");

        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        assertThat(upload.json().path("storedContentReused").asBoolean())
                .as("reused silently: no version the caller can see holds these bytes").isFalse();
        assertThat(collected.status()).as("%s", collected).isEqualTo(200);
        assertThat(Buckets.keys(org)).contains(reusedKey).doesNotContain(abandonedKey);
        assertThat(uploads.download(Users.token("dave"), org.projectPath() + "/models/leftover/versions/1/content"))
                .isEqualTo(reused);
    }

    @Test
    void anUploadThatDeclaresItsTrueDigestIsStoredOnceStraightAtItsContentAddress() {
        TestOrg org = TestOrg.create(api);
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch));
        String sha256 = Digests.sha256(model);

        Api.Reply raw = rawModel(org, "declared", "iris.onnx&sha256=" + sha256.toUpperCase(), model);
        Api.Reply multipart = uploads.multipart(Users.token("bob"), org.projectPath()
                + "/models/declared/versions?sha256=" + sha256, "{\"metrics\":{\"accuracy\":0.9}}", "iris.onnx",
                model);

        assertThat(raw.status()).as("%s", raw).isEqualTo(201);
        assertThat(raw.json().path("sha256").asText()).isEqualTo(sha256);
        assertThat(raw.json().path("servable").asBoolean()).as("validated by ONNX Runtime as usual").isTrue();
        assertThat(multipart.status()).as("%s", multipart).isEqualTo(201);
        assertThat(multipart.json().path("version").asInt()).isEqualTo(2);
        assertThat(multipart.json().path("storedContentReused").asBoolean()).isTrue();
        assertThat(Buckets.keys(org)).containsExactly("sha256/" + sha256);
        assertThat(uploads.download(Users.token("dave"), org.projectPath() + "/models/declared/versions/1/content"))
                .isEqualTo(model);
    }

    @Test
    void aDeclaredDigestTheFileDoesNotHaveIsRefusedNamingBothAndLeavesNothing() {
        TestOrg org = TestOrg.create(api);
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch));
        String other = Digests.sha256("other bytes".getBytes(StandardCharsets.UTF_8));
        Set<String> before = Buckets.keys(org);

        Api.Reply wrong = rawModel(org, "mismatch", "iris.onnx&sha256=" + other, model);
        Api.Reply malformed = rawModel(org, "mismatch", "iris.onnx&sha256=abc", model);

        assertThat(wrong.status()).as("%s", wrong).isEqualTo(400);
        assertThat(wrong.json().path("code").asText()).isEqualTo("digest-mismatch");
        assertThat(wrong.json().path("detail").asText()).contains(Digests.sha256(model)).contains(other);
        assertThat(wrong.json().path("errors").toString()).contains("sha256");
        assertThat(malformed.status()).as("%s", malformed).isEqualTo(400);
        assertThat(malformed.json().path("errors").toString()).contains("sha256");
        assertNothingLeft(org, "mismatch", before);
    }

    @Test
    void aRefusedModelWithItsTrueDigestDeclaredLeavesNothingEither() {
        TestOrg org = TestOrg.create(api);
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch));
        byte[] truncated = Arrays.copyOf(model, model.length / 2);
        Set<String> before = Buckets.keys(org);

        Api.Reply reply = rawModel(org, "truncated", "t.onnx&sha256=" + Digests.sha256(truncated), truncated);

        assertThat(reply.status()).as("%s", reply).isEqualTo(422);
        assertNothingLeft(org, "truncated", before);
    }

    @Test
    void onlyPlatformAdminsMayRunGarbageCollectionAndTheGraceCannotBeNegative() {
        for (String user : List.of("alice", "bob", "erin")) {
            Api.Reply refused = api.post(Users.token(user), "api/v1/platform/storage/collect?graceSeconds=0", "{}");
            assertThat(refused.status()).as("%s: %s", user, refused).isEqualTo(403);
        }
        Api.Reply negative = api.post(Users.token("root"), "api/v1/platform/storage/collect?graceSeconds=-1", "{}");

        assertThat(negative.status()).as("%s", negative).isEqualTo(400);
        assertThat(negative.json().path("errors").toString()).contains("graceSeconds");
    }

    private Api.Reply rawModel(TestOrg org, String model, String fileName, byte[] content) {
        return uploads.raw(Users.token("bob"), org.projectPath() + "/models/" + model + "/versions?fileName="
                + fileName, "application/octet-stream", content);
    }

    private void assertNothingLeft(TestOrg org, String model, Set<String> keysBefore) {
        assertThat(api.get(Users.token("bob"), org.projectPath() + "/models/" + model).status())
                .as("no model registered").isEqualTo(404);
        assertThat(Buckets.keys(org)).as("objects in the organization's bucket").isEqualTo(keysBefore);
    }
}
