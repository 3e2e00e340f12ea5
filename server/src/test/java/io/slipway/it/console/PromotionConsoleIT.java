package io.slipway.it.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.slipway.it.console.pages.KeycloakLoginPage;
import io.slipway.it.console.pages.ModelsTab;
import io.slipway.it.console.pages.ProjectPage;
import io.slipway.it.console.pages.PromotionDialog;
import io.slipway.it.console.pages.PromotionRequestPage;
import io.slipway.it.console.pages.PromotionsInbox;
import io.slipway.it.support.Api;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.TestPlatform;
import io.slipway.it.support.Users;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Promotions in the console, in real browsers: bob (data scientist) asks for production from a model's page and
 * sees the evidence before and after sending; carol (manager), signed in at the same time in a browser of her
 * own, finds the request in her inbox, approves it, and rolls production back with a reason that the stage
 * history shows; bob may not approve his own request and is told why; and an open inbox shows a request made
 * elsewhere as it arrives (server push). Each test has a fresh organization; each screen is saved under
 * {@code target/console-screenshots/promotion-*.png}.
 */
@EnabledIf(value = BrowserTestBase.CHROMIUM_INSTALLED, disabledReason = BrowserTestBase.NO_CHROMIUM)
class PromotionConsoleIT extends BrowserTestBase {

    /** Push and the services' round trips on a shared two-core machine: longer than Playwright's 5 s default. */
    private static final LocatorAssertions.IsVisibleOptions PUSHED =
            new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    private TestOrg acme;

    @BeforeEach
    void aFreshOrganization() {
        acme = TestOrg.create(api);
    }

    @Test
    void bobRequestsProductionCarolApprovesItAndRollsItBack() {
        // v1 (alice's, 0.90) holds production; bob's v2 (0.92) is the candidate; one gate guards production
        setPolicy(List.of(Map.of("name", "accuracy-not-worse",
                "expression", "candidate.metrics.accuracy >= production.metrics.accuracy - 0.005")));
        upload("alice", "scorer", 0.90);
        String first = request("bob", "scorer", 1, "production", "baseline").json().path("id").asText();
        assertThat(decide("carol", first, "ok").status()).isEqualTo(200);
        upload("bob", "scorer", 0.92);

        ProjectPage bobs = signIn(page, "bob");
        ModelsTab models = bobs.models().open("scorer");
        assertThat(models.versionCell("production")).isVisible();
        assertThat(models.versionCell("development")).isVisible();
        assertThat(models.holder("production")).containsText("v1");
        assertThat(models.rollBackButton("production")).hasCount(0);
        screenshot(page, "promotion-1-models-bob");

        PromotionDialog dialog = models.requestPromotion(2).target("production");
        assertThat(dialog.previewHeader("Candidate v2")).isVisible();
        assertThat(dialog.previewHeader("Current holder v1")).isVisible();
        assertThat(dialog.previewMetricCell("0.92")).isVisible();
        assertThat(dialog.previewMetricCell("0.9")).isVisible();
        assertThat(dialog.previewGateCell("accuracy-not-worse")).isVisible();
        dialog.justify("two points better on the holdout set");
        screenshot(page, "promotion-2-request-dialog-preview");
        dialog.send();
        assertThat(dialog.sent()).containsText("scorer v2 → production is pending");
        assertThat(dialog.evidenceGateCell("accuracy-not-worse")).isVisible();
        assertThat(dialog.evidenceGateCell("passed")).isVisible();
        screenshot(page, "promotion-3-request-sent-evidence");
        PromotionRequestPage asBobSeesIt = dialog.openRequest();
        assertThat(asBobSeesIt.state()).hasText("pending");
        assertThat(asBobSeesIt.approveButton()).isDisabled();
        assertThat(asBobSeesIt.refusal()).containsText("four eyes");
        assertThat(asBobSeesIt.refusal()).containsText("You requested this promotion");
        screenshot(page, "promotion-4-request-bob-four-eyes");

        Page carols = anotherBrowser();
        PromotionsInbox inbox = signIn(carols, "carol").promotions();
        assertThat(inbox.cell("scorer v2")).isVisible();
        assertThat(inbox.pendingCount()).hasText("1 waiting");
        screenshot(carols, "promotion-5-inbox-carol");
        PromotionRequestPage request = inbox.open("scorer v2");
        assertThat(request.title()).hasText("scorer v2 → production");
        assertThat(request.justification()).hasText("two points better on the holdout set");
        assertThat(request.metricCell("accuracy")).isVisible();
        assertThat(request.metricCell("0.92")).isVisible();
        assertThat(request.metricCell("0.9")).isVisible();
        assertThat(request.gateCell("passed")).isVisible();
        assertThat(request.approveButton()).isEnabled();
        screenshot(carols, "promotion-6-request-carol");
        request.approve("checked the holdout metrics");
        assertThat(request.state()).hasText("approved");
        assertThat(request.decisions().first()).containsText("by carol");
        assertThat(request.decisions().first()).containsText("checked the holdout metrics");
        assertThat(request.approveButton()).hasCount(0);
        screenshot(carols, "promotion-7-request-approved");

        ModelsTab carolsModels = ProjectPage.at(carols).models().open("scorer");
        assertThat(carolsModels.holder("production")).containsText("v2");
        carolsModels.rollBack("production", "v2 misbehaves on weekend traffic");
        assertThat(carolsModels.holder("production")).containsText("v1");
        assertThat(carolsModels.stageHistory().first()).containsText("v2 → v1");
        assertThat(carolsModels.stageHistory().first()).containsText("rollback");
        assertThat(carolsModels.stageHistory().first()).containsText("by carol");
        assertThat(carolsModels.stageHistory().first()).containsText("v2 misbehaves on weekend traffic");
        assertThat(carolsModels.stageHistory()).hasCount(3);
        screenshot(carols, "promotion-8-models-rolled-back-history");

        ProjectPage carolsProject = ProjectPage.at(carols);
        carolsProject.overview();
        assertThat(carolsProject.overviewCell("scorer")).isVisible();
        assertThat(carolsProject.overviewCell("v1")).isVisible();
        screenshot(carols, "promotion-9-overview");
        assertThat(api.get(Users.token("dave"), acme.projectPath() + "/models/scorer").json().path("production")
                .asInt()).as("what the API says holds production").isEqualTo(1);
    }

    @Test
    void anOpenInboxShowsRequestsMadeAndDecidedElsewhereAsTheyHappen() {
        upload("alice", "ranker", 0.81);
        upload("alice", "ranker", 0.83);
        List<String> webSockets = new CopyOnWriteArrayList<>();
        page.onWebSocket(socket -> webSockets.add(socket.url()));
        PromotionsInbox inbox = signIn(page, "carol").promotions();
        assertThat(inbox.pendingCount()).hasText("nothing waiting");

        String id = request("bob", "ranker", 2, "production", "pushed while carol looks").json().path("id")
                .asText();

        assertThat(inbox.cell("ranker v2")).isVisible(PUSHED);
        assertThat(inbox.cell("pushed while carol looks")).isVisible();
        assertThat(inbox.pendingCount()).hasText("1 waiting");
        screenshot(page, "promotion-10-inbox-pushed");

        Api.Reply rejected = api.post(Users.token("alice"), acme.projectPath() + "/promotions/" + id + "/reject",
                Map.of("comment", "not this week"));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);

        assertThat(inbox.pendingCount()).hasText("nothing waiting", new LocatorAssertions.HasTextOptions()
                .setTimeout(20_000));
        assertThat(inbox.cell("ranker v2")).hasCount(0);
        inbox.show("All, pending first");
        assertThat(inbox.cell("ranker v2")).isVisible();
        assertThat(inbox.cell("rejected")).isVisible();
        assertThat(webSockets).as("the push connection came through Liberty as a WebSocket")
                .anySatisfy(url -> assertThat(url).contains("v-r=push"));
    }

    private ProjectPage signIn(Page browser, String user) {
        browser.navigate(base.toString());
        var console = KeycloakLoginPage.expectAt(browser, TestPlatform.keycloak().issuer()).signInAs(user, user);
        ProjectPage project = ProjectPage.openFrom(console, acme.slug(), acme.project());
        assertThat(project.title()).hasText("Fraud detection");
        return project;
    }

    private void upload(String user, String model, double accuracy) {
        byte[] bytes = ("model " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Api.Reply reply = uploads.multipart(Users.token(user), acme.projectPath() + "/models/" + model + "/versions",
                "{\"metrics\": {\"accuracy\": " + accuracy + "}}", model + ".pkl", bytes);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    private Api.Reply request(String user, String model, int version, String stage, String justification) {
        Api.Reply reply = api.post(Users.token(user), acme.projectPath() + "/promotions", Map.of("model", model,
                "version", version, "targetStage", stage, "justification", justification));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply;
    }

    private Api.Reply decide(String user, String id, String comment) {
        return api.post(Users.token(user), acme.projectPath() + "/promotions/" + id + "/approve",
                Map.of("comment", comment));
    }

    private void setPolicy(List<Map<String, String>> gates) {
        Api.Reply reply = api.put(Users.token("alice"), acme.projectPath() + "/policy", Map.of(
                "stagingRequiresApproval", false, "productionApprovals", 1, "previousHolderTo", "development",
                "gates", gates, "gatesWithoutProduction", "pass", "adminOverride", true));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    }
}
