package io.slipway.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real Keycloak (demo realm) on free ports and a temporary data directory, started, given a user
 * through the admin API, restarted on the same data directory, then checked with real tokens.
 *
 * <p>The realm template's client secrets are Keycloak placeholders without defaults; this test passes
 * secrets of its own (not the dev-only ones) and checks that Keycloak uses exactly those.
 */
class KeycloakServerTest {

    private static final String PROVISIONER = "slipway-provisioner";
    private static final String PROVISIONER_SECRET = "provisioner-" + UUID.randomUUID();
    private static final String CONSOLE = "slipway-console";
    private static final String CONSOLE_SECRET = "console-" + UUID.randomUUID();
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

    @TempDir
    static Path dataDir;

    private static KeycloakServer.Builder settings;
    private static KeycloakServer keycloak;
    private static String userCreatedBeforeRestart;

    @BeforeAll
    static void startCreateUserAndRestart() {
        List<Integer> ports = freePorts(2);
        settings = KeycloakServer.builder()
                .httpPort(ports.get(0))
                .managementPort(ports.get(1))
                .dataDir(dataDir)
                .bootstrapAdmin(ADMIN, ADMIN_PASSWORD)
                .clientSecrets(CONSOLE_SECRET, PROVISIONER_SECRET)
                .demo(true);

        long started = System.nanoTime();
        keycloak = settings.build().start();
        System.out.printf("Keycloak first start (with realm import): %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());

        userCreatedBeforeRestart = "persisted-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.Response created = new KeycloakAdmin(keycloak, masterAdminToken()).post("/users",
                Map.of("username", userCreatedBeforeRestart, "email", userCreatedBeforeRestart + "@acme.example", "enabled", true));
        assertThat(created.status()).as("create user before restart").isEqualTo(201);

        keycloak.close();
        started = System.nanoTime();
        keycloak = settings.build().start();
        System.out.printf("Keycloak restart on the same data directory: %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void userAccessTokenCarriesApiAudienceUsernameAndSubject() {
        JsonNode claims = Jwt.claims(keycloak.tokens().password("bob", "bob"));

        assertThat(Jwt.strings(claims, "aud")).contains("slipway-api");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("bob");
        assertThat(claims.path("sub").asText()).isNotBlank();
        assertThat(claims.path("email").asText()).isEqualTo("bob@acme.example");
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(Jwt.strings(claims, "groups")).doesNotContain("platform-admin");
    }

    @Test
    void platformAdminRoleAppearsInGroupsOfAccessTokenAndUserinfo() throws Exception {
        String token = keycloak.tokens().password("root", "root");

        assertThat(Jwt.strings(Jwt.claims(token), "groups")).contains("platform-admin");
        HttpRequest userinfo = HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + token).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(userinfo, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"groups\"").contains("platform-admin").contains("\"sub\"");
        }
    }

    @Test
    void provisionerClientCredentialsGrantWorksWithTheSecretGivenAndItsTokensAreNotForTheApi() {
        JsonNode claims = Jwt.claims(keycloak.tokens().clientCredentials(PROVISIONER, PROVISIONER_SECRET));

        assertThat(claims.path("azp").asText()).isEqualTo(PROVISIONER);
        assertThat(Jwt.strings(claims, "aud")).doesNotContain("slipway-api");
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        for (String other : List.of("${SLIPWAY_PROVISIONER_CLIENT_SECRET}", DevSecrets.PROVISIONER_CLIENT_SECRET)) {
            assertThatThrownBy(() -> keycloak.tokens().clientCredentials(PROVISIONER, other))
                    .as("the placeholder was resolved to the secret given, not imported literally or as the dev value")
                    .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.error()).isEqualTo("unauthorized_client"));
        }
    }

    @Test
    void consoleClientSecretIsTheOneGiven() {
        KeycloakAdmin admin = new KeycloakAdmin(keycloak, masterAdminToken());

        JsonNode clients = admin.get("/clients?clientId=" + CONSOLE).body();
        assertThat(clients).hasSize(1);
        JsonNode secret = admin.get("/clients/" + clients.get(0).path("id").asText() + "/client-secret").body();

        assertThat(secret.path("value").asText()).isEqualTo(CONSOLE_SECRET);
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> keycloak.tokens().password("bob", "not-bobs-password"))
                .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
    }

    @Test
    void provisionerManagesAnOrganizationAndItsMembers() {
        KeycloakAdmin admin = provisioner();

        JsonNode users = admin.get("/users?exact=true&username=bob").body();
        assertThat(users).hasSize(1);
        String bobId = users.get(0).path("id").asText();

        String alias = "t-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.Response created = admin.post("/organizations", Map.of("name", "Test " + alias, "alias", alias));
        assertThat(created.status()).as("create organization without domains").isEqualTo(201);
        String orgId = KeycloakAdmin.createdId(created);

        JsonNode found = admin.get("/organizations?q=" + KeycloakAdmin.encode("alias:" + alias)).body();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("id").asText()).isEqualTo(orgId);

        assertThat(admin.post("/organizations/" + orgId + "/members", bobId).status()).as("add member").isEqualTo(201);
        assertThat(usernames(admin.get("/organizations/" + orgId + "/members").body())).containsExactly("bob");
        assertThat(admin.get("/organizations/members/" + bobId + "/organizations").body().findValuesAsText("alias")).contains(alias);

        assertThat(admin.delete("/organizations/" + orgId + "/members/" + bobId).status()).as("remove member").isEqualTo(204);
        assertThat(admin.get("/organizations/" + orgId + "/members").body()).isEmpty();

        assertThat(admin.delete("/organizations/" + orgId).status()).as("delete organization").isEqualTo(204);
        assertThat(admin.get("/organizations?q=" + KeycloakAdmin.encode("alias:" + alias)).body()).isEmpty();
        assertThat(admin.get("/users?exact=true&username=bob").body()).as("deleting the organization keeps its members").hasSize(1);
    }

    @Test
    void provisionerMayNotCreateUsersReadClientsOrChangeRoleMappings() {
        KeycloakAdmin admin = provisioner();
        String bobId = admin.get("/users?exact=true&username=bob").body().get(0).path("id").asText();

        assertThat(admin.post("/users", Map.of("username", "intruder-" + UUID.randomUUID().toString().substring(0, 8),
                "enabled", true)).status()).as("create a user").isEqualTo(403);
        assertThat(admin.get("/clients").status()).as("list clients (and so their secrets)").isEqualTo(403);
        assertThat(admin.post("/users/" + bobId + "/role-mappings/realm",
                List.of(Map.of("name", "platform-admin"))).status()).as("grant a realm role").isEqualTo(403);
        assertThat(admin.post("/users/" + bobId + "/logout", Map.of()).status()).as("sign a user out").isEqualTo(403);
    }

    @Test
    void startingWithoutClientSecretsIsRefusedNamingTheMissingVariables() {
        KeycloakServer withoutSecrets = KeycloakServer.builder().httpPort(freePorts(1).getFirst())
                .dataDir(dataDir.resolve("no-secrets")).build();

        assertThatThrownBy(withoutSecrets::start).isInstanceOf(DevServiceException.class)
                .hasMessageContaining("SLIPWAY_CONSOLE_CLIENT_SECRET")
                .hasMessageContaining("SLIPWAY_PROVISIONER_CLIENT_SECRET");
        assertThat(withoutSecrets.isRunning()).isFalse();
    }

    @Test
    void userCreatedBeforeRestartSurvivesIt() {
        JsonNode users = provisioner().get("/users?exact=true&username=" + userCreatedBeforeRestart).body();

        assertThat(users).hasSize(1);
        assertThat(users.get(0).path("email").asText()).isEqualTo(userCreatedBeforeRestart + "@acme.example");
    }

    @Test
    void secondServerOnATakenPortIsRefused() {
        KeycloakServer second = KeycloakServer.builder().httpPort(keycloak.httpPort()).managementPort(freePorts(1).getFirst())
                .clientSecrets(CONSOLE_SECRET, PROVISIONER_SECRET).dataDir(dataDir.resolve("second")).build();

        assertThatThrownBy(second::start).isInstanceOf(DevServiceException.class).hasMessageContaining("already in use");
    }

    private static KeycloakAdmin provisioner() {
        return new KeycloakAdmin(keycloak, keycloak.tokens().clientCredentials(PROVISIONER, PROVISIONER_SECRET));
    }

    /** An access token of the master realm's bootstrap admin (password grant through admin-cli). */
    private static String masterAdminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakAdmin.encode(ADMIN)
                + "&password=" + KeycloakAdmin.encode(ADMIN_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("master admin token: %s", response.body()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> usernames(JsonNode members) {
        List<String> usernames = new ArrayList<>();
        members.forEach(member -> usernames.add(member.path("username").asText()));
        return usernames;
    }

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            });
        }
    }
}
