package io.slipway.it.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.it.console.pages.ConsolePage;
import io.slipway.it.console.pages.KeycloakLoginPage;
import io.slipway.it.support.Invitations;
import io.slipway.it.support.KeycloakClients;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A console session lasts only as long as Keycloak vouches for the person: revoking their Keycloak sessions
 * ends it at once (back-channel logout), disabling their account ends it at the next re-check (every 20 s in
 * the tests, {@code slipway.console.recheck}), and either way the next thing they do leads back to Keycloak's
 * sign-in page rather than to a broken console. Each test signs in a person of its own, a member of a fresh
 * organization.
 */
@EnabledIf(value = BrowserTestBase.CHROMIUM_INSTALLED, disabledReason = BrowserTestBase.NO_CHROMIUM)
class ConsoleSessionIT extends BrowserTestBase {

    private String username;
    private String userId;
    private TestOrg org;

    @BeforeEach
    void aPersonOfTheTestsOwn() {
        username = "session-" + UUID.randomUUID().toString().substring(0, 8);
        userId = KeycloakClients.createUser(username, username + "@acme.example", true);
        org = TestOrg.create(api);
        Invitations.join(api, "alice", org.slug(), username, "member");
    }

    @Test
    void revokingThePersonsKeycloakSessionsEndsTheConsoleSessionAtOnce() {
        ConsolePage console = signIn();

        KeycloakClients.signOutEverywhere(userId);
        console.organization(org.slug()).click();

        KeycloakLoginPage.expectAt(page, keycloakRealm());
        assertThat(page.locator("#signed-in-user")).hasCount(0);
        page.navigate(base.toString());
        KeycloakLoginPage.expectAt(page, keycloakRealm());
    }

    @Test
    void disablingThePersonEndsTheConsoleSessionAtTheNextRecheck() {
        signIn();

        KeycloakClients.setEnabled(userId, false);

        // the re-check is due 20 s after sign-in: reload until the console lets go of the browser (bounded),
        // which must then be at Keycloak's sign-in page, never at a broken console or a browser error page
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Pattern atKeycloak = Pattern.compile("^" + Pattern.quote(keycloakRealm()) + "/.*");
        page.navigate(base.toString());
        while (Instant.now().isBefore(deadline)) {
            page.waitForCondition(() -> atKeycloak.matcher(page.url()).matches()
                    || page.locator("#signed-in-user").isVisible());
            if (atKeycloak.matcher(page.url()).matches()) {
                break;
            }
            assertThat(page.locator("#signed-in-user")).hasText(username);
            page.reload();
        }

        KeycloakLoginPage.expectAt(page, keycloakRealm());
        assertThat(page.locator("#signed-in-user")).hasCount(0);
    }

    @Test
    void openingTheSignOutAddressDoesNotSignOut() {
        signIn();

        page.navigate(base + "signout");
        assertThat(page.locator("#sign-out")).isVisible();
        page.navigate(base.toString());

        assertThat(ConsolePage.expect(page).signedInUser()).hasText(username);
    }

    private ConsolePage signIn() {
        page.navigate(base.toString());
        ConsolePage console = KeycloakLoginPage.expectAt(page, keycloakRealm()).signInAs(username, username);
        assertThat(console.signedInUser()).hasText(username);
        assertThat(console.organization(org.slug())).isVisible();
        return console;
    }

    private static String keycloakRealm() {
        return TestPlatform.keycloak().issuer();
    }
}
