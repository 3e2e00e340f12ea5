package io.slipway.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.it.support.ApiTestBase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the console's responses tell a browser, read over plain HTTP: security headers, the session cookie's
 * attributes, signing out only by a same-site POST, and back-channel logout refusing what it cannot verify.
 */
class ConsoleHardeningIT extends ApiTestBase {

    /** Over plain HTTP, as browsers speak to the console (no h2c upgrade). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void consoleResponsesCarryTheSecurityHeaders() {
        for (String path : List.of("", "signout", "signin/callback")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url(path)).GET());

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("frame-ancestors 'self'", "default-src 'self'", "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() {
        HttpResponse<String> signInStarts = send(HttpRequest.newBuilder(url("")).GET());

        assertThat(signInStarts.statusCode()).isEqualTo(302);
        String cookie = sessionCookie(signInStarts);
        List<String> attributes = List.of(cookie.toLowerCase(Locale.ROOT).split(";\\s*"));
        assertThat(attributes).as(cookie).contains("httponly", "samesite=lax").doesNotContain("secure");
    }

    @Test
    void openingTheSignOutAddressOnlyShowsAFormThatPostsToIt() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("signout")).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("<form method=\"post\" action=\"/signout\">");
    }

    @Test
    void aSignOutPostedFromAnotherSiteIsRefused() {
        HttpResponse<String> crossSite = send(HttpRequest.newBuilder(url("signout"))
                .header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> otherOrigin = send(HttpRequest.newBuilder(url("signout"))
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
    }

    @Test
    void aSignOutPostedFromTheConsoleGoesToTheIdentityProvidersLogout() {
        HttpResponse<String> sameOrigin = send(HttpRequest.newBuilder(url("signout"))
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(sameOrigin.statusCode()).isEqualTo(302);
        assertThat(sameOrigin.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("/protocol/openid-connect/logout"));
    }

    @Test
    void aBackChannelLogoutWithAnUnverifiableTokenIsRefused() {
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzaWQiOiJ4IiwiZXZlbnRzIjp7fX0.";
        HttpResponse<String> forged = send(HttpRequest.newBuilder(url("signin/backchannel-logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + unsigned)));
        HttpResponse<String> missing = send(HttpRequest.newBuilder(url("signin/backchannel-logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private URI url(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + "/" + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
