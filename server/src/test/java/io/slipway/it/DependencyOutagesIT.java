package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Buckets;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.TestPlatform;
import io.slipway.it.support.StallingBody;
import io.slipway.it.support.Users;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dependency stops while the server works: the user gets a clear 503 within seconds (never a hang, never a
 * 500), nothing half-written survives, readiness names the dependency, and everything works again once it
 * is back. Each test brings back what it stopped, also when it fails.
 */
class DependencyOutagesIT extends ApiTestBase {

    private static final long MIB = 1024 * 1024;

    private static TestOrg acme;

    @BeforeEach
    void createTheOrganization() {
        if (acme == null) {
            acme = TestOrg.create(api);
        }
    }

    @Test
    void objectStoreStoppingMidUploadAnswers503AndRegistersNothing() throws Exception {
        String bob = Users.token("bob");
        String versions = acme.projectPath() + "/datasets/outage/versions";
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch storeStopped = new CountDownLatch(1);
        CompletableFuture<Api.Reply> upload = CompletableFuture.supplyAsync(() -> uploads.chunked(bob,
                versions + "?fileName=big.bin", () -> new StallingBody(24 * MIB, 20 * MIB, halfSent, storeStopped)));
        try {
            assertThat(halfSent.await(2, TimeUnit.MINUTES)).as("the first 20 MiB were sent").isTrue();
            TestPlatform.stopS3();
            storeStopped.countDown();

            long start = System.nanoTime();
            Api.Reply reply = upload.get(2, TimeUnit.MINUTES);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(reply.status()).as("%s", reply).isEqualTo(503);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().path("code").asText()).isEqualTo("object-store-unavailable");
            assertThat(took).as("the answer comes within seconds of the outage").isLessThan(Duration.ofSeconds(30));
            assertThat(awaitReadiness("object-store", check -> "DOWN".equals(check.path("status").asText())))
                    .as("readiness names the store").isTrue();
            assertThat(api.get(bob, acme.projectPath() + "/datasets/outage").status())
                    .as("no dataset was registered").isEqualTo(404);
        } finally {
            storeStopped.countDown();
            TestPlatform.startS3();
        }

        Api.Reply retry = uploads.raw(bob, versions + "?fileName=small.csv", "text/csv",
                "id,amount\n1,2.5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.json().path("version").asInt()).as("the failed upload took no number").isEqualTo(1);
        assertThat(awaitReadiness("object-store", check -> "UP".equals(check.path("status").asText()))).isTrue();
        assertThat(Buckets.keys(acme)).as("only the retried upload's content is stored")
                .allMatch(key -> key.startsWith("sha256/")).hasSize(1);
    }

    @Test
    void identityProviderStoppingKeepsTheApiWorkingWithIssuedTokens() {
        String bob = Users.token("bob");
        String alice = Users.token("alice");
        assertThat(api.get(bob, acme.projectPath()).status()).isEqualTo(200);
        TestPlatform.stopKeycloak();
        try {
            assertThat(api.get(bob, acme.projectPath()).status())
                    .as("a valid token is checked against the cached signing keys").isEqualTo(200);
            assertThat(api.get(bob, acme.projectPath() + "/datasets").status()).isEqualTo(200);
            assertThat(awaitReadiness("identity-provider", check -> !check.path("data").path("reachable")
                    .asBoolean(true))).as("readiness reports Keycloak unreachable").isTrue();
            assertThat(readiness("identity-provider").path("status").asText()).as("the server stays in rotation")
                    .isEqualTo("UP");
            Api.Reply signIn = api.get(null, "");
            assertThat(signIn.status()).as("the console's sign-in while Keycloak is down: %s", signIn).isEqualTo(503);
            assertThat(signIn.body()).contains("Identity service unavailable").contains("Try again");
            Api.Reply invite = api.post(alice, acme.path() + "/members",
                    java.util.Map.of("user", "erin", "role", "member"));
            assertThat(invite.status()).as("%s", invite).isEqualTo(503);
            assertThat(invite.json().path("code").asText()).isEqualTo("identity-provider-unavailable");
        } finally {
            TestPlatform.startKeycloak();
        }
        assertThat(awaitReadiness("identity-provider", check -> check.path("data").path("reachable").asBoolean()))
                .isTrue();
        assertThat(api.get(Users.token("carol"), acme.projectPath()).status()).isEqualTo(200);
        Api.Reply signIn = api.get(null, "");
        assertThat(signIn.status()).as("sign-in leads to Keycloak again: %s", signIn).isEqualTo(302);
        assertThat(signIn.location()).contains("/realms/slipway/protocol/openid-connect/auth");
    }

    /**
     * Polls {@code /health/ready} until the named check matches (the server remembers a probe's answer for a
     * few seconds), for at most 20 seconds.
     */
    private boolean awaitReadiness(String check, java.util.function.Predicate<JsonNode> matches) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        do {
            if (matches.test(readiness(check))) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** The named check of {@code /health/ready}. */
    private JsonNode readiness(String check) {
        Api.Reply health = api.get(null, "health/ready");
        for (JsonNode entry : health.json().path("checks")) {
            if (check.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no check " + check + " in " + health);
    }
}
