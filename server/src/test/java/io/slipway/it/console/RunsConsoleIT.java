package io.slipway.it.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import io.slipway.devstack.SampleModels;
import io.slipway.it.console.pages.KeycloakLoginPage;
import io.slipway.it.console.pages.ProjectPage;
import io.slipway.it.console.pages.RunsPage;
import io.slipway.it.support.Api;
import io.slipway.it.support.Digests;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.TestPlatform;
import io.slipway.it.support.Users;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in the console, in a real browser: bob starts the built-in trainer on a CSV dataset version, watches its log
 * and its accuracy chart grow while it trains, sees it succeed and opens the model version it produced. Screens
 * are saved under {@code target/console-screenshots/run-*.png}.
 */
@EnabledIf(value = BrowserTestBase.CHROMIUM_INSTALLED, disabledReason = BrowserTestBase.NO_CHROMIUM)
class RunsConsoleIT extends BrowserTestBase {

    private static final LocatorAssertions.ContainsTextOptions SOON =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);
    private static final LocatorAssertions.HasAttributeOptions HAS_SOON =
            new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);

    @TempDir
    Path scratch;

    private TestOrg acme;

    @BeforeEach
    void aCsvDatasetVersion() {
        acme = TestOrg.create(api);
        Api.Reply dataset = uploads.raw(Users.token("bob"), acme.projectPath()
                + "/datasets/flowers/versions?fileName=flowers.csv", "text/csv",
                Digests.read(SampleModels.trainingCsv(scratch)));
        org.assertj.core.api.Assertions.assertThat(dataset.status()).as("%s", dataset).isEqualTo(201);
    }

    @Test
    void bobTrainsAModelFromTheConsoleWatchingItsLogAndAccuracyGrow() {
        page.navigate(base.toString());
        var console = KeycloakLoginPage.expectAt(page, TestPlatform.keycloak().issuer()).signInAs("bob", "bob");
        RunsPage runs = ProjectPage.openFrom(console, acme.slug(), acme.project()).runs();

        runs.startTrainer("flowers from the console", "flowers:1", SampleModels.LABEL, "flowers");
        assertThat(runs.log()).containsText("stdout step 1: accuracy", SOON);
        assertThat(runs.metricsChart()).hasAttribute("data-points", Pattern.compile(".*accuracy=\\d+.*"), HAS_SOON);
        assertThat(runs.metricsChartCanvas()).isVisible();
        screenshot(page, "run-1-training");

        assertThat(runs.state()).containsText("succeeded", SOON);
        assertThat(runs.metricsChart()).hasAttribute("data-points", "accuracy=10,auc=10");
        assertThat(runs.log()).containsText("is now version 1 of model 'flowers'", SOON);
        screenshot(page, "run-2-succeeded");

        runs.output("flowers").click();
        assertThat(page.locator("#model-versions")).containsText("flowers:1", SOON);
        assertThat(page.locator("#model-versions")).containsText("accuracy");
        screenshot(page, "run-3-model-version");
    }

    @Test
    void onAClusterPoolBobStartsAContainerImageWithGpusFromACodeBundleAndSeesWhyItWaits() throws Exception {
        Api.Reply pool = api.post(Users.token("root"), "api/v1/pools", java.util.Map.of("name", "it-console-l4",
                "backend", "kubernetes", "accelerator", "nvidia-l4", "gpusPerNode", 4, "cpusPerNode", 32,
                "memoryMibPerNode", 131072, "purposes", java.util.List.of("training")));
        org.assertj.core.api.Assertions.assertThat(pool.status()).as("%s", pool).isEqualTo(200);
        page.navigate(base.toString());
        var console = KeycloakLoginPage.expectAt(page, TestPlatform.keycloak().issuer()).signInAs("bob", "bob");
        RunsPage runs = ProjectPage.openFrom(console, acme.slug(), acme.project()).runs();

        Path bundle = java.nio.file.Files.write(scratch.resolve("train-code.tar.gz"),
                io.slipway.it.support.CodeBundles.tarGz(java.util.Map.of("train.py", "print('epoch 1')\n")));
        runs.startImage("it-console-l4", "registry.example/train:2.0", 2, bundle);

        assertThat(runs.state()).containsText("queued", SOON);
        // Kueue's queue when the test cluster runs, else the cluster it waits for: never a silent queue
        assertThat(runs.reason()).containsText(Pattern.compile("waiting for (Kueue|the cluster)"), SOON);
        assertThat(runs.facts()).containsText("2 GPUs");
        assertThat(runs.facts()).containsText("image registry.example/train:2.0");
        assertThat(runs.facts()).containsText("code bundle ");
        screenshot(page, "run-5-cluster-pool-queued");
        Api.Reply cancelled = api.post(Users.token("bob"), acme.projectPath() + "/runs/"
                + api.get(Users.token("bob"), acme.projectPath() + "/runs?limit=1").json().path("items").get(0)
                .path("id").asText() + "/cancel", java.util.Map.of());
        org.assertj.core.api.Assertions.assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
    }

    @Test
    void anOwnerSeesThePoolsCapacityAndHerOrganizationsQuota() {
        Api.Reply quota = api.put(Users.token("root"), acme.path() + "/quotas/local-cpu",
                java.util.Map.of("maxConcurrentRuns", 3, "gpuHoursPerMonth", 100));
        org.assertj.core.api.Assertions.assertThat(quota.status()).as("%s", quota).isEqualTo(200);
        page.navigate(base.toString());
        KeycloakLoginPage.expectAt(page, TestPlatform.keycloak().issuer()).signInAs("alice", "alice");
        page.locator("#nav-pools").click();

        assertThat(page.locator("#pool-local-cpu")).containsText("local-cpu · local · CPU only");
        assertThat(page.locator("#pool-local-cpu-cpus")).isVisible();
        page.locator("#quota-organization").click();
        page.locator("vaadin-select-item[role=option]").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(acme.slug())).click();
        assertThat(page.locator("#quotas")).containsText("0 of 3", SOON);
        assertThat(page.locator("#quotas")).containsText("0 of 100");
        screenshot(page, "run-4-pools-and-quotas");
    }
}
