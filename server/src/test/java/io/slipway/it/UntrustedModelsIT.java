package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.devstack.SampleModels;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Digests;
import io.slipway.it.support.OnnxBodies;
import io.slipway.it.support.ServerProcess;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models as an attacker (or an unlucky data scientist) uploads them: far larger than the inspector's memory, or
 * small on disk and too large once loaded. Each is refused with a 4xx that says why, the server keeps its memory
 * and keeps serving, and no copy of the upload stays on the server's disk. The test server gives each inspector
 * process 256 MiB (server/pom.xml).
 */
class UntrustedModelsIT extends ApiTestBase {

    /** The Helm chart's memory limit for a Slipway pod (helm/slipway/values.yaml, resources.limits.memory). */
    private static final long UPLOAD_MEMORY_BUDGET = 512L << 20;

    @TempDir
    static Path scratch;

    private static TestOrg org;
    private static byte[] iris;

    @BeforeAll
    static void trainAModel() {
        iris = Digests.read(SampleModels.irisLikeClassifier(scratch));
    }

    @AfterEach
    void noCopyOfAnyUploadIsLeftOnTheServersDisk() throws IOException {
        Path spool = Path.of(System.getProperty("slipway.it.data.dir"), "tmp", "inspector", "uploads");
        assertThat(spool).as("the inspection spool (slipway.data.dir/tmp/inspector/uploads)").isDirectory();
        try (Stream<Path> files = Files.list(spool)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    private TestOrg org() {
        if (org == null) {
            org = TestOrg.create(api);
        }
        return org;
    }

    @Test
    void aOneAndAHalfGibibyteOnnxUploadIsRefusedWith422AndTheServerKeepsServingWithinTheChartsMemory() {
        String bob = Users.token("bob");
        ServerProcess server = ServerProcess.find();
        server.resetPeakMemory();
        long before = server.residentMemoryBytes();

        Api.Reply huge = uploads.chunked(bob, org().projectPath() + "/models/huge/versions?fileName=huge.onnx",
                () -> OnnxBodies.withWeights(1536L << 20));

        assertThat(huge.status()).as("%s", huge).isEqualTo(422);
        assertThat(huge.isProblem()).isTrue();
        assertThat(huge.json().get("code").asText()).isEqualTo("model-too-large-to-inspect");
        assertThat(huge.json().get("detail").asText())
                .isEqualTo("huge.onnx is too large to inspect within 256 MiB of memory (it has 1.5 GiB), so it"
                        + " cannot be served here.");
        assertTheServerKeepsServing(bob);
        // streamed, never buffered: the 1.5 GiB body costs the server little resident memory (what the test
        // server holds besides depends on its heap setting and the tests before; the chart runs the production
        // heap, -Xmx1g, well inside its 2 GiB limit)
        long peak = server.peakMemoryBytes();
        System.out.printf("resident memory before the upload %d MiB, peak during it %d MiB%n", before >> 20,
                peak >> 20);
        assertThat(peak - before).as("the server's resident memory growth during the upload (from %d MiB to %d MiB)",
                before >> 20, peak >> 20).isLessThan(UPLOAD_MEMORY_BUDGET);
    }

    @Test
    void aModelThatNeedsMoreMemoryThanTheInspectorHasIsRefusedWith422NamingMemory() {
        String bob = Users.token("bob");

        Api.Reply large = uploads.chunked(bob, org().projectPath() + "/models/large/versions?fileName=large.onnx",
                () -> OnnxBodies.withWeights(128L << 20));

        assertThat(large.status()).as("%s", large).isEqualTo(422);
        assertThat(large.json().get("code").asText()).isEqualTo("inspection-out-of-memory");
        assertThat(large.json().get("detail").asText())
                .startsWith("Loading large.onnx needs more memory than the inspector's 256 MiB");
        assertThat(api.get(bob, org().projectPath() + "/models/large").status()).as("no model registered")
                .isEqualTo(404);
        assertTheServerKeepsServing(bob);
    }

    @Test
    void aModelRefusedBeforeItsBodyIsReadLeavesNoCopyEither() {
        // the test server limits organization it-small-limit to 1 MiB (server/pom.xml)
        String alice = Users.token("alice");
        api.post(Users.token("root"), "api/v1/orgs",
                Map.of("slug", "it-small-limit", "name", "Small", "owner", "alice"));
        api.post(alice, "api/v1/orgs/it-small-limit/projects", Map.of("slug", "p", "name", "P"));

        Api.Reply refused = uploads.raw(alice, "api/v1/orgs/it-small-limit/projects/p/models/big/versions"
                + "?fileName=big.onnx", "application/octet-stream", new byte[2 << 20]);

        assertThat(refused.status()).as("%s", refused).isEqualTo(413);
    }

    private void assertTheServerKeepsServing(String token) {
        Api.Reply next = uploads.raw(token, org().projectPath() + "/models/after/versions?fileName=iris.onnx",
                "application/octet-stream", iris);
        assertThat(next.status()).as("%s", next).isEqualTo(201);
        assertThat(next.json().at("/signature/inputs/0/name").asText()).isEqualTo("input");
        assertThat(api.get(null, "health/ready").status()).isEqualTo(200);
    }
}
