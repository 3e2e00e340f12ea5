package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/**
 * Keycloak's sign-in form for the Slipway realm. With Organizations enabled the realm signs in identity
 * first: the user name on one page (so Keycloak can route to an organization's identity provider), the
 * password on the next.
 */
public final class KeycloakLoginPage {

    private final Page page;
    private final Locator username;
    private final Locator password;
    private final Locator signIn;

    private KeycloakLoginPage(Page page) {
        this.page = page;
        this.username = page.locator("input[name=username]");
        this.password = page.locator("input[name=password]");
        this.signIn = page.locator("#kc-login");
    }

    /** Waits until the browser shows the realm's sign-in form, served by the identity provider at {@code issuer}. */
    public static KeycloakLoginPage expectAt(Page page, String issuer) {
        page.waitForURL(Pattern.compile("^" + Pattern.quote(issuer) + "/.*"));
        KeycloakLoginPage login = new KeycloakLoginPage(page);
        assertThat(login.username).isVisible();
        assertThat(login.signIn).isVisible();
        return login;
    }

    /** Signs in and waits for the console to show the signed-in person. */
    public ConsolePage signInAs(String user, String secret) {
        username.fill(user);
        signIn.click();
        assertThat(password).isVisible();
        password.fill(secret);
        signIn.click();
        return ConsolePage.expect(page);
    }

    public String url() {
        return page.url();
    }
}
