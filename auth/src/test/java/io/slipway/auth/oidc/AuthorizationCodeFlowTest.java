package io.slipway.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.sun.net.httpserver.HttpServer;
import io.slipway.auth.Caller;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flow against a token endpoint of the test's own, which answers whatever the test puts there. */
class AuthorizationCodeFlowTest {

    private final TestRealm realm = new TestRealm();
    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> lastRequest = new AtomicReference<>();
    private HttpServer tokenEndpoint;
    private AuthorizationCodeFlow flow;

    private record Answer(int status, String body) {
    }

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tokenEndpoint.createContext("/realms/slipway/protocol/openid-connect/token", exchange -> {
            lastRequest.set(formFields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer current = answer.get();
            byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(current.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        tokenEndpoint.start();
        URI backChannel = URI.create("http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/realms/slipway");
        flow = new AuthorizationCodeFlow(new OidcSettings(TestRealm.ISSUER, backChannel, TestRealm.CLIENT, "secret"),
                realm.verifier(), realm.clock);
    }

    @AfterEach
    void stopTokenEndpoint() {
        tokenEndpoint.stop(0);
    }

    @Test
    void theAuthorizationRequestAsksForPkceNonceAndState() {
        SignInRequest pending = flow.begin(URI.create("http://localhost:8080/signin/callback"), "/");
        Map<String, String> query = formFields(pending.authorizationUrl().getRawQuery());

        assertThat(query).containsEntry("code_challenge_method", "S256").containsEntry("nonce", pending.nonce())
                .containsEntry("state", pending.state()).containsKey("code_challenge");
        assertThat(query.get("code_challenge")).isNotEqualTo(pending.codeVerifier());
    }

    @Test
    void aSignInCompletesWithVerifiedTokensAndRemembersTheSessionAndRefreshToken() {
        SignInRequest pending = flow.begin(URI.create("http://localhost:8080/signin/callback"), "/");
        tokens(realm.sign(realm.idClaims("user-1", pending.nonce())), List.of("platform-admin"), "refresh-1");

        SignedIn signedIn = flow.complete(pending, pending.state(), "the-code", null);

        assertThat(signedIn.caller()).isEqualTo(new Caller("user-1", "bob", java.util.Set.of("platform-admin")));
        assertThat(signedIn.sessionId()).isEqualTo("session-of-user-1");
        assertThat(signedIn.refreshToken()).isEqualTo("refresh-1");
        assertThat(signedIn.checkedAt()).isEqualTo(TestRealm.NOW);
        assertThat(signedIn.refreshExpiresAt()).isEqualTo(TestRealm.NOW.plusSeconds(1800));
        assertThat(lastRequest.get()).containsEntry("code", "the-code").containsEntry("code_verifier", pending.codeVerifier());
    }

    @Test
    void aForgedIdTokenFromTheTokenEndpointDoesNotSignAnyoneIn() {
        SignInRequest pending = flow.begin(URI.create("http://localhost:8080/signin/callback"), "/");
        String forged = TestRealm.sign(realm.idClaims("user-1", pending.nonce()).build(),
                TestRealm.generate(realm.signingKey.getKeyID()), JOSEObjectType.JWT);
        tokens(forged, List.of(), "refresh-1");

        assertThatThrownBy(() -> flow.complete(pending, pending.state(), "the-code", null))
                .isInstanceOf(SignInException.class).hasMessageContaining("signature");
    }

    @Test
    void anIdTokenOfAnotherSignInDoesNotSignAnyoneIn() {
        SignInRequest pending = flow.begin(URI.create("http://localhost:8080/signin/callback"), "/");
        tokens(realm.sign(realm.idClaims("user-1", "replayed-nonce")), List.of(), "refresh-1");

        assertThatThrownBy(() -> flow.complete(pending, pending.state(), "the-code", null))
                .isInstanceOf(SignInException.class).hasMessageContaining("nonce");
    }

    @Test
    void aRefreshReReadsTheRealmRolesFromTheNewAccessToken() {
        SignedIn before = signedIn(List.of("platform-admin"));
        tokens(realm.sign(realm.idClaims("user-1", null)), List.of(), "refresh-2");

        SignedIn after = flow.refresh(before);

        assertThat(after.caller().isPlatformAdmin()).isFalse();
        assertThat(after.refreshToken()).isEqualTo("refresh-2");
        assertThat(lastRequest.get()).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "refresh-1");
    }

    @Test
    void aRefusedRefreshEndsTheSession() {
        answer.set(new Answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}"));

        assertThatThrownBy(() -> flow.refresh(signedIn(List.of())))
                .isInstanceOf(SessionEndedException.class).hasMessageContaining("Session not active");
    }

    @Test
    void aRefreshAnsweredWithTokensOfAnotherUserEndsTheSession() {
        tokenResponse(realm.sign(realm.idClaims("user-2", null)),
                realm.sign(realm.accessClaims("user-2", "mallory", List.of())), "refresh-2");

        assertThatThrownBy(() -> flow.refresh(signedIn(List.of()))).isInstanceOf(SessionEndedException.class);
    }

    @Test
    void aRefreshAnsweredWithAForgedAccessTokenEndsTheSession() {
        String forged = TestRealm.sign(realm.accessClaims("user-1", "bob", List.of("platform-admin")).build(),
                TestRealm.generate(realm.signingKey.getKeyID()), JOSEObjectType.JWT);
        tokenResponse(null, forged, "refresh-2");

        assertThatThrownBy(() -> flow.refresh(signedIn(List.of()))).isInstanceOf(SessionEndedException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void anIdentityProviderFailingWithAServerErrorDecidesNothing() {
        answer.set(new Answer(503, "down for maintenance"));

        assertThatThrownBy(() -> flow.refresh(signedIn(List.of()))).isInstanceOf(IdentityUnavailableException.class);
    }

    @Test
    void anUnreachableIdentityProviderDecidesNothing() {
        tokenEndpoint.stop(0);

        assertThatThrownBy(() -> flow.refresh(signedIn(List.of()))).isInstanceOf(IdentityUnavailableException.class);
    }

    @Test
    void aVerifiedLogoutTokenNamesTheSessionItEnds() {
        String token = realm.sign(realm.logoutClaims("s-1"));

        assertThat(flow.logoutNotice(token)).isEqualTo(new LogoutNotice("s-1", "user-1"));
    }

    private SignedIn signedIn(List<String> groups) {
        return new SignedIn(new Caller("user-1", "bob", java.util.Set.copyOf(groups)), "id-token", "refresh-1",
                "session-of-user-1", TestRealm.NOW.plusSeconds(600), TestRealm.NOW.minusSeconds(300));
    }

    private void tokens(String idToken, List<String> groups, String refreshToken) {
        tokenResponse(idToken, realm.sign(realm.accessClaims("user-1", "bob", groups)), refreshToken);
    }

    private void tokenResponse(String idToken, String accessToken, String refreshToken) {
        String id = idToken == null ? "" : "\"id_token\":\"" + idToken + "\",";
        answer.set(new Answer(200, "{" + id + "\"access_token\":\"" + accessToken + "\",\"refresh_token\":\""
                + refreshToken + "\",\"refresh_expires_in\":1800,\"token_type\":\"Bearer\"}"));
    }

    private static Map<String, String> formFields(String form) {
        return Arrays.stream(form.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
    }
}
