package io.slipway.it.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.slipway.it.console.pages.ConsolePage;
import io.slipway.it.console.pages.KeycloakLoginPage;
import io.slipway.it.support.Api;
import io.slipway.it.support.SlipwayDeployment;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.TestPlatform;
import io.slipway.it.support.Users;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The console's main journey in a real browser (headless Chromium of the operating system): Keycloak's sign-in
 * page, the signed-in person's organizations and projects, signing out. A failing test leaves a screenshot in
 * {@code target/console-screenshots/}.
 */
// checked before Arquillian deploys anything, so a machine without Chromium does not start Liberty for nothing
@EnabledIf(value = "chromiumIsInstalled", disabledReason =
        "Chromium not found at /usr/bin/chromium: install it with apt-get install chromium (see README)")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSignInIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static SystemChromium chromium;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SlipwayDeployment.war();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private BrowserContext browser;
    private Page page;
    private final List<String> blockedRequests = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
        if (page != null && !page.isClosed()) {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(context.getRequiredTestMethod().getName() + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            failure.addSuppressed(new AssertionError("Browser was at " + page.url() + "; screenshot " + file));
        }
        throw failure;
    };

    static boolean chromiumIsInstalled() {
        return SystemChromium.isInstalled();
    }

    @BeforeAll
    static void launchChromium() {
        chromium = SystemChromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        api = new Api(base.toURI());
        browser = chromium.newContext(blockedRequests::add);
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        assertThat(blockedRequests).as("requests the pages sent beyond this machine").isEmpty();
    }

    @Test
    void openingTheConsoleLeadsToTheKeycloakSignInPage() {
        page.navigate(base.toString());

        KeycloakLoginPage login = KeycloakLoginPage.expectAt(page, keycloakRealm());

        assertThat(login.url()).contains("client_id=slipway-console");
    }

    @Test
    void bobSignsInAndSeesHisOrganizationAndProject() {
        TestOrg acme = TestOrg.create(api);
        String globex = "globex-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post(Users.token("root"), "api/v1/orgs",
                Map.of("slug", globex, "name", "Globex", "owner", "erin")).status()).isEqualTo(201);

        page.navigate(base.toString());
        ConsolePage console = KeycloakLoginPage.expectAt(page, keycloakRealm()).signInAs("bob", "bob");

        assertThat(console.signedInUser()).hasText("bob");
        console.openOrganization(acme.slug());
        assertThat(console.project(acme.project())).isVisible();
        assertThat(console.project("data-scientist")).isVisible();
        assertThat(console.organization(globex)).hasCount(0);
    }

    @Test
    void signingOutEndsTheSession() {
        page.navigate(base.toString());
        ConsolePage console = KeycloakLoginPage.expectAt(page, keycloakRealm()).signInAs("bob", "bob");

        console.signOut();
        KeycloakLoginPage.expectAt(page, keycloakRealm());
        page.navigate(base.toString());

        KeycloakLoginPage.expectAt(page, keycloakRealm());
        assertThat(page.locator("#signed-in-user")).hasCount(0);
    }

    private static String keycloakRealm() {
        return TestPlatform.keycloak().issuer();
    }
}
