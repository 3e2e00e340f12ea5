package io.slipway.it.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import io.slipway.it.console.pages.DeploymentsPage;
import io.slipway.it.console.pages.KeycloakLoginPage;
import io.slipway.it.console.pages.ProjectPage;
import io.slipway.it.support.Deploying;
import io.slipway.it.support.Inference;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.TestPlatform;
import io.slipway.it.support.Users;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployments in the console, in a real browser: carol deploys what production holds, sees it ready with its
 * base URL and a request a client sent in its log, rolls production back from the page and watches the answering
 * version change. Screens are saved under {@code target/console-screenshots/deployment-*.png}.
 */
@EnabledIf(value = BrowserTestBase.CHROMIUM_INSTALLED, disabledReason = BrowserTestBase.NO_CHROMIUM)
class DeploymentsConsoleIT extends BrowserTestBase {

    /** Loading, switching and the page's one-second refresh on a shared two-core machine. */
    private static final LocatorAssertions.ContainsTextOptions SOON =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    private static final LocatorAssertions.HasAttributeOptions HAS_SOON =
            new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

    @TempDir
    Path scratch;

    private TestOrg acme;

    @BeforeEach
    void productionHoldsTheSecondVersion() {
        acme = TestOrg.create(api);
        Deploying deploying = new Deploying(api, uploads, acme);
        deploying.upload("iris", Deploying.irisModel(scratch, "v1"));
        deploying.upload("iris", Deploying.irisModel(scratch, "v2"));
        deploying.promote("iris", 1);
        deploying.promote("iris", 2);
    }

    @Test
    void carolDeploysProductionSeesItServeAndRollsItBack() throws Exception {
        page.navigate(base.toString());
        var console = KeycloakLoginPage.expectAt(page, TestPlatform.keycloak().issuer()).signInAs("carol", "carol");
        DeploymentsPage deployments = ProjectPage.openFrom(console, acme.slug(), acme.project()).deployments();

        deployments.create("scorer", "iris", "Follow production");
        assertThat(deployments.state()).containsText("ready", SOON);
        assertThat(deployments.versions()).containsText("v2 answers", SOON);
        assertThat(deployments.baseUrl()).hasText("/" + acme.projectPath() + "/serving/v2");
        assertThat(deployments.curl()).hasValue(java.util.regex.Pattern.compile(
                ".*/serving/v2/models/scorer/infer.*\"name\":\"input\",\"shape\":\\[1,4\\].*", java.util.regex.Pattern.DOTALL));
        screenshot(page, "deployment-1-ready");

        Inference.Answer answer = new Inference(base.toURI()).postJson(Users.token("bob"),
                acme.projectPath() + "/serving/v2/models/scorer/infer", Deploying.ONE_FLOWER);
        org.assertj.core.api.Assertions.assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(deployments.logCell(answer.header("X-Request-Id").orElseThrow())).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(deployments.logCell("bob")).isVisible();
        assertThat(deployments.requestsChart()).hasAttribute("data-requests", "1", HAS_SOON);
        assertThat(deployments.requestsChart()).hasAttribute("data-versions", "2");
        assertThat(deployments.requestsChartCanvas()).isVisible();
        assertThat(deployments.totals()).containsText("1 request, 0 errors");
        assertThat(deployments.historyCell("v1 → v2")).isVisible();
        screenshot(page, "deployment-2-request-log");

        deployments.rollBack("v2 answers slowly");
        assertThat(deployments.versions()).containsText("v1 answers, v2 kept for rollback", SOON);
        assertThat(deployments.cell("v1")).isVisible();
        assertThat(deployments.historyCell("rollback")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        screenshot(page, "deployment-3-rolled-back");
        org.assertj.core.api.Assertions.assertThat(new Inference(base.toURI()).postJson(Users.token("bob"),
                acme.projectPath() + "/serving/v2/models/scorer/infer", Deploying.ONE_FLOWER)
                .json().path("model_version").asText()).isEqualTo("1");
    }
}
