package io.slipway.it.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.slipway.it.console.pages.ConsolePage;
import io.slipway.it.console.pages.KeycloakLoginPage;
import io.slipway.it.support.KeycloakClients;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.TestPlatform;
import io.slipway.it.support.Users;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The console's main journey in a real browser (headless Chromium of the operating system): Keycloak's sign-in
 * page, the signed-in person's organizations and projects, signing out.
 */
@EnabledIf(value = BrowserTestBase.CHROMIUM_INSTALLED, disabledReason = BrowserTestBase.NO_CHROMIUM)
class ConsoleSignInIT extends BrowserTestBase {

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
    void aPersonInvitedAcceptsOnTheHomePageAndSeesTheOrganization() {
        TestOrg acme = TestOrg.create(api);
        String name = "invited-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakClients.createUser(name, name + "@acme.example", true);
        assertThat(api.post(Users.token("alice"), acme.path() + "/members",
                Map.of("user", name + "@acme.example", "role", "member")).status()).isEqualTo(202);

        page.navigate(base.toString());
        ConsolePage console = KeycloakLoginPage.expectAt(page, keycloakRealm()).signInAs(name, name);
        Locator invitation = page.locator("#invitations .invitation");
        assertThat(invitation).containsText("alice invites you to join Test org " + acme.slug());
        assertThat(console.organization(acme.slug())).hasCount(0);
        page.locator("#accept-" + acme.slug()).click();

        assertThat(console.organization(acme.slug())).isVisible();
        assertThat(page.locator("#invitations")).isHidden();
        assertThat(api.get(Users.token(name), acme.path()).status()).isEqualTo(200);
    }

    @Test
    void switchingOrganizationsShowsOnlyTheProjectsOfTheOneSelected() {
        TestOrg larger = TestOrg.create(api);
        assertThat(api.post(Users.token("alice"), larger.path() + "/projects",
                Map.of("slug", "a-first", "name", "A first project")).status()).isEqualTo(201);
        assertThat(api.put(Users.token("alice"), larger.path() + "/projects/a-first/members/" + Users.id("bob"),
                Map.of("role", "viewer")).status()).isEqualTo(201);
        TestOrg smaller = TestOrg.create(api);

        page.navigate(base.toString());
        ConsolePage console = KeycloakLoginPage.expectAt(page, keycloakRealm()).signInAs("bob", "bob");
        console.openOrganization(larger.slug());
        assertThat(console.project("a-first")).isVisible();
        console.openOrganization(smaller.slug());

        assertThat(console.project("a-first")).hasCount(0);
        assertThat(console.project(smaller.project())).hasCount(1);
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
