package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.KeycloakClients;
import io.slipway.it.support.TestPlatform;
import io.slipway.it.support.Users;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only valid access tokens of the Slipway realm, issued for audience slipway-api, reach the API. */
class TokenValidationIT extends ApiTestBase {

    @Test
    void aValidTokenIsAccepted() {
        assertThat(api.get(Users.token("bob"), "api/v1/orgs").status()).isEqualTo(200);
    }

    @Test
    void noTokenIsUnauthenticated() {
        assertUnauthenticated(api.get(null, "api/v1/orgs"));
    }

    @Test
    void aTamperedTokenIsUnauthenticated() {
        String[] parts = Users.token("bob").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"preferred_username\":\"bob\"", "\"preferred_username\":\"alice\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(claims).contains("\"preferred_username\":\"alice\"");
        assertUnauthenticated(api.get(forged, "api/v1/orgs"));
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        String client = KeycloakClients.createPublicClient(List.of("basic", "profile", "email"), null);
        String token = KeycloakClients.passwordToken("slipway", client, "bob", "bob");

        assertThat(Users.claims(token).path("aud").toString()).doesNotContain("slipway-api");
        assertUnauthenticated(api.get(token, "api/v1/orgs"));
    }

    @Test
    void theProvisionersServiceAccountTokenIsUnauthenticated() {
        String token = TestPlatform.keycloak().tokens().clientCredentials("slipway-provisioner",
                TestPlatform.provisionerClientSecret());

        assertThat(Users.claims(token).path("aud").toString()).doesNotContain("slipway-api");
        assertUnauthenticated(api.get(token, "api/v1/orgs"));
        assertUnauthenticated(api.get(token, "api/v1/pools"));
    }

    @Test
    void aTokenFromAnotherRealmIsUnauthenticated() {
        String token = KeycloakClients.passwordToken("master", "admin-cli", TestPlatform.ADMIN, TestPlatform.ADMIN);

        assertUnauthenticated(api.get(token, "api/v1/orgs"));
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        String client = KeycloakClients.createPublicClient(null, 1);
        String token = KeycloakClients.passwordToken("slipway", client, "bob", "bob");
        Instant expiry = Instant.ofEpochSecond(Users.claims(token).get("exp").asLong());

        // the token lives one second: ask until the server stops accepting it (bounded; not a fixed sleep)
        Api.Reply reply = api.get(token, "api/v1/orgs");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (reply.status() == 200 && Instant.now().isBefore(deadline)) {
            reply = api.get(token, "api/v1/orgs");
        }

        assertUnauthenticated(reply);
        assertThat(Instant.now()).isAfterOrEqualTo(expiry);
    }

    private static void assertUnauthenticated(Api.Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(401);
        assertThat(reply.isProblem()).as("%s", reply).isTrue();
        assertThat(reply.json().get("code").asText()).isEqualTo("unauthenticated");
    }
}
