package io.slipway.it.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import io.slipway.devstack.SampleModels;
import io.slipway.it.console.pages.DatasetsTab;
import io.slipway.it.console.pages.KeycloakLoginPage;
import io.slipway.it.console.pages.ModelsTab;
import io.slipway.it.console.pages.ProjectPage;
import io.slipway.it.support.Api;
import io.slipway.it.support.Digests;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.TestPlatform;
import io.slipway.it.support.Users;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry in the console, in a real browser: a data scientist uploads a CSV dataset and ONNX models (and
 * sees a broken one refused with ONNX Runtime's reason), downloads what was stored; a viewer browses the versions
 * without being offered an upload.
 */
@EnabledIf(value = BrowserTestBase.CHROMIUM_INSTALLED, disabledReason = BrowserTestBase.NO_CHROMIUM)
class RegistryConsoleIT extends BrowserTestBase {

    private static final String TRANSACTIONS_CSV = """
            id,amount,fraud,at
            1,12.50,false,2025-01-02T10:00:00Z
            2,99.99,true,2025-01-02T10:05:00Z
            3,5.00,false,2025-01-03T08:30:00Z
            4,120.00,false,2025-01-03T09:00:00Z
            5,1.00,true,2025-01-04T23:59:00Z
            """;
    /** The sample classifier's signature as ONNX Runtime reads it: a dynamic batch of 4 features → 3 classes. */
    private static final String IRIS_SIGNATURE = "input float[?,4] → output float[?,3]";

    private static TestOrg org;

    @TempDir
    static Path scratch;

    @BeforeEach
    void createTheOrganizationOnce() {
        if (org == null) {
            org = TestOrg.create(api);
        }
    }

    @Test
    void bobUploadsACsvDatasetAndSeesVersionOneWithItsRowCount() throws IOException {
        Path csv = write("transactions.csv", TRANSACTIONS_CSV.getBytes(StandardCharsets.UTF_8));
        DatasetsTab datasets = signInAndOpenProject("bob").datasets();

        datasets.upload("transactions", csv);

        assertThat(datasets.uploadStatus()).containsText("Stored transactions version 1");
        assertThat(datasets.uploadStatus()).containsText(Digests.sha256(Files.readAllBytes(csv)));
        assertThat(datasets.versionsTitle()).hasText("Versions of transactions");
        assertThat(datasets.versionCell("transactions.csv")).isVisible();
        assertThat(datasets.versionCell("5")).isVisible();
        assertThat(datasets.versionCell("id integer, amount decimal, fraud boolean, at timestamp")).isVisible();
        assertThat(datasets.versionCell(Digests.sha256(Files.readAllBytes(csv)).substring(0, 12))).isVisible();
        assertThat(datasets.dataset("transactions")).isVisible();
    }

    @Test
    void whatTheDownloadLinkFetchesIsWhatWasUploaded() throws IOException {
        byte[] csv = "day,amount\n2025-01-01,3.5\n2025-01-02,4\n".getBytes(StandardCharsets.UTF_8);
        uploadAsBob("/datasets/daily/versions?fileName=daily.csv", "text/csv", csv);
        DatasetsTab datasets = signInAndOpenProject("bob").datasets().open("daily");

        Download download = datasets.downloadNewest();

        assertThat(download.suggestedFilename()).isEqualTo("daily.csv");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(csv);
    }

    @Test
    void bobUploadsAnOnnxModelAndSeesItsSignatureMetricsAndLineage() {
        uploadAsBob("/datasets/iris-train/versions?fileName=iris.csv", "text/csv",
                Digests.read(SampleModels.trainingCsv(scratch.resolve("training"))));
        Path model = SampleModels.irisLikeClassifier(scratch.resolve("model"));
        ModelsTab models = signInAndOpenProject("bob").models();

        models.upload("iris", "accuracy=0.93", "iris-train:1", model);

        assertThat(models.uploadStatus()).containsText("Stored iris version 1 (onnx, servable: " + IRIS_SIGNATURE);
        assertThat(models.versionsTitle()).hasText("Versions of iris");
        assertThat(models.versionCell(IRIS_SIGNATURE)).isVisible();
        assertThat(models.versionCell("accuracy 0.93")).isVisible();
        assertThat(models.versionCell("development")).isVisible();
        assertThat(models.versionCell("iris-train:1")).isVisible();
        models.versionCell(IRIS_SIGNATURE).click();
        assertThat(models.lineage()).hasCount(1);
        assertThat(models.lineage()).containsText("dataset iris-train version 1 (bob, ");
        assertThat(models.lineage()).containsText("— trained → model iris version 1 (bob, ");
    }

    @Test
    void aTruncatedOnnxFileIsRefusedWithOnnxRuntimesReason() throws IOException {
        byte[] model = Digests.read(SampleModels.irisLikeClassifier(scratch.resolve("whole")));
        Path truncated = write("truncated.onnx", Arrays.copyOf(model, model.length / 2));
        ProjectPage project = signInAndOpenProject("bob");
        ModelsTab models = project.models();

        models.upload("truncated", "", "", truncated);

        assertThat(models.uploadStatus()).containsText("truncated.onnx is not an ONNX model");
        assertThat(models.uploadStatus()).containsText("ONNX Runtime (");
        assertThat(project.notification("truncated.onnx is not an ONNX model")).isVisible();
        assertThat(models.model("truncated")).hasCount(0);
    }

    @Test
    void daveSeesTheVersionsButIsNotOfferedAnUpload() {
        uploadAsBob("/datasets/card-payments/versions?fileName=payments.csv", "text/csv",
                TRANSACTIONS_CSV.getBytes(StandardCharsets.UTF_8));
        uploadAsBob("/models/scorer/versions?fileName=scorer.onnx", "application/octet-stream",
                Digests.read(SampleModels.irisLikeClassifier(scratch.resolve("scorer"))));
        ProjectPage project = signInAndOpenProject("dave");

        assertThat(project.role()).hasText("your role: viewer");
        assertThat(project.readOnlyNote()).isVisible();
        DatasetsTab datasets = project.datasets().open("card-payments");
        assertThat(datasets.versionCell("payments.csv")).isVisible();
        assertThat(datasets.versionCell("5")).isVisible();
        assertThat(datasets.uploadControl()).hasCount(0);
        ModelsTab models = project.models().open("scorer");
        assertThat(models.versionCell(IRIS_SIGNATURE)).isVisible();
        assertThat(models.uploadControl()).hasCount(0);
    }

    private ProjectPage signInAndOpenProject(String user) {
        page.navigate(base.toString());
        var console = KeycloakLoginPage.expectAt(page, TestPlatform.keycloak().issuer()).signInAs(user, user);
        ProjectPage project = ProjectPage.openFrom(console, org.slug(), org.project());
        assertThat(project.title()).hasText("Fraud detection");
        return project;
    }

    private void uploadAsBob(String pathAndQuery, String contentType, byte[] content) {
        Api.Reply reply = uploads.raw(Users.token("bob"), org.projectPath() + pathAndQuery, contentType, content);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    private static Path write(String fileName, byte[] content) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve("files"));
        return Files.write(dir.resolve(fileName), content);
    }
}
