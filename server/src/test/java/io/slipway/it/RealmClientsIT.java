package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.it.support.TestPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The realm's clients as the test Keycloak enforces them: the console's one exact redirect URI, PKCE required
 * for the CLI on its loopback redirect, and the device grant for the CLI alone.
 */
class RealmClientsIT {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String console = "http://127.0.0.1:" + System.getProperty("slipway.it.http.port");

    @Test
    void theConsolesCallbackIsAcceptedAsItsRedirect() {
        HttpResponse<String> login = authorize("slipway-console", console + "/signin/callback", true);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("kc-form-login");
    }

    @Test
    void anyOtherRedirectOfTheConsoleIsRefused() {
        for (String redirect : new String[] {console + "/", console + "/signin/callback/../../evil",
                console + "/signin/callbackx", console + "/anything", "http://evil.example/signin/callback"}) {
            HttpResponse<String> refused = authorize("slipway-console", redirect, true);

            assertThat(refused.statusCode()).as(redirect).isEqualTo(400);
            assertThat(refused.body()).as(redirect).contains("Invalid parameter: redirect_uri");
        }
    }

    @Test
    void theCliSignsInWithPkceOnAnyLoopbackPort() {
        HttpResponse<String> login = authorize("slipway-cli", "http://127.0.0.1:53682/callback", true);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("kc-form-login");
    }

    @Test
    void theCliCannotSignInWithoutPkce() {
        HttpResponse<String> refused = authorize("slipway-cli", "http://127.0.0.1:53682/callback", false);

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://127.0.0.1:53682/callback").contains("error=invalid_request")
                .contains("code_challenge_method"));
    }

    @Test
    void theCliCannotRedirectAnywhereButItsLoopbackCallback() {
        for (String redirect : new String[] {"http://localhost:53682/callback", "http://127.0.0.1:53682/other",
                "https://evil.example/callback"}) {
            HttpResponse<String> refused = authorize("slipway-cli", redirect, true);

            assertThat(refused.statusCode()).as(redirect).isEqualTo(400);
        }
    }

    @Test
    void onlyTheCliMayUseTheDeviceGrantAndOnlyWithPkce() {
        HttpResponse<String> cli = deviceAuthorization(Map.of("client_id", "slipway-cli",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256"));
        HttpResponse<String> cliWithoutPkce = deviceAuthorization(Map.of("client_id", "slipway-cli"));
        HttpResponse<String> console = deviceAuthorization(Map.of("client_id", "slipway-console",
                "client_secret", TestPlatform.consoleClientSecret(),
                "code_challenge", CHALLENGE, "code_challenge_method", "S256"));

        assertThat(cli.statusCode()).as(cli.body()).isEqualTo(200);
        assertThat(cli.body()).contains("device_code");
        assertThat(cliWithoutPkce.statusCode()).as(cliWithoutPkce.body()).isEqualTo(400);
        assertThat(cliWithoutPkce.body()).contains("code_challenge_method");
        assertThat(console.statusCode()).as(console.body()).isIn(400, 401);
        assertThat(console.body()).contains("unauthorized_client");
    }

    private HttpResponse<String> authorize(String clientId, String redirectUri, boolean pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid");
        query.put("state", "s");
        if (pkce) {
            query.put("code_challenge", CHALLENGE);
            query.put("code_challenge_method", "S256");
        }
        return send(HttpRequest.newBuilder(URI.create(TestPlatform.keycloak().issuer()
                + "/protocol/openid-connect/auth?" + form(query))).GET());
    }

    private HttpResponse<String> deviceAuthorization(Map<String, String> client) {
        return send(HttpRequest.newBuilder(URI.create(TestPlatform.keycloak().issuer()
                        + "/protocol/openid-connect/auth/device"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(client))));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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
