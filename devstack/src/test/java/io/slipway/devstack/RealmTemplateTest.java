package io.slipway.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealmTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void consoleUrlPlaceholderExpandsToEveryConsoleUrlAsExactRedirects() {
        JsonNode console = client(RealmTemplate.render(List.of("http://localhost:8080/", "http://127.0.0.1:8080"), false), "slipway-console");

        assertThat(texts(console.path("redirectUris")))
                .containsExactly("http://localhost:8080/signin/callback", "http://127.0.0.1:8080/signin/callback");
        assertThat(texts(console.path("webOrigins"))).containsExactly("http://localhost:8080", "http://127.0.0.1:8080");
        assertThat(console.path("attributes").path("post.logout.redirect.uris").asText())
                .isEqualTo("http://localhost:8080/##http://127.0.0.1:8080/");
        assertThat(console.path("attributes").path("backchannel.logout.url").asText())
                .isEqualTo("http://localhost:8080/signin/backchannel-logout");
    }

    @Test
    void noClientAcceptsAWildcardRedirect() {
        JsonNode realm = RealmTemplate.render(List.of("http://localhost:8080"), true);

        for (JsonNode client : realm.path("clients")) {
            assertThat(texts(client.path("redirectUris"))).as(client.path("clientId").asText()).noneMatch(uri -> uri.contains("*"));
            assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).doesNotContain("*");
        }
    }

    @Test
    void clientSecretPlaceholdersHaveNoDefaultsAndAreLeftForKeycloakToResolve() {
        for (boolean demo : List.of(false, true)) {
            JsonNode realm = RealmTemplate.render(List.of("http://localhost:8080"), demo);

            assertThat(client(realm, "slipway-console").path("secret").asText()).isEqualTo("${SLIPWAY_CONSOLE_CLIENT_SECRET}");
            assertThat(client(realm, "slipway-provisioner").path("secret").asText()).isEqualTo("${SLIPWAY_PROVISIONER_CLIENT_SECRET}");
            assertThat(RealmTemplate.environmentVariables(realm))
                    .containsExactly("SLIPWAY_CONSOLE_CLIENT_SECRET", "SLIPWAY_PROVISIONER_CLIENT_SECRET");
        }
    }

    @Test
    void clientDescriptionsFitKeycloaksColumn() {
        for (JsonNode client : RealmTemplate.read(RealmTemplate.TEMPLATE).path("clients")) {
            assertThat(client.path("description").asText().length()).as(client.path("clientId").asText()).isLessThanOrEqualTo(255);
        }
    }

    @Test
    void noPlaceholderOfTheTemplateHasADefault() {
        assertThat(RealmTemplate.placeholdersWithDefaults(RealmTemplate.read(RealmTemplate.TEMPLATE))).isEmpty();
        assertThat(RealmTemplate.read(RealmTemplate.TEMPLATE).toString()).doesNotContain("dev-only");
    }

    @Test
    void placeholdersWithDefaultsAreFound() throws Exception {
        JsonNode realm = JSON.readTree("""
                {"a": "${SLIPWAY_X:dev}", "b": ["${SLIPWAY_Y}"], "c": "${someMessageKey}"}""");

        assertThat(RealmTemplate.placeholdersWithDefaults(realm)).containsExactly("${SLIPWAY_X:dev}");
        assertThat(RealmTemplate.environmentVariables(realm)).containsExactly("SLIPWAY_X", "SLIPWAY_Y");
    }

    @Test
    void cliRequiresPkceAndOnlyTheCliHasTheDeviceGrant() {
        JsonNode realm = RealmTemplate.render(List.of("http://localhost:8080"), false);

        assertThat(client(realm, "slipway-cli").path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(client(realm, "slipway-console").path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("attributes").path("oauth2.device.authorization.grant.enabled").asText())
                    .as(client.path("clientId").asText())
                    .isEqualTo(client.path("clientId").asText().equals("slipway-cli") ? "true" : "false");
        }
    }

    @Test
    void provisionerHasOnlyTheRolesItUsesAndNoApiAudience() {
        JsonNode realm = RealmTemplate.render(List.of("http://localhost:8080"), true);
        JsonNode serviceAccount = realm.path("users").get(0);

        assertThat(serviceAccount.path("username").asText()).isEqualTo("service-account-slipway-provisioner");
        assertThat(texts(serviceAccount.path("clientRoles").path("realm-management"))).containsExactly("manage-realm", "view-users");
        assertThat(texts(client(realm, "slipway-provisioner").path("defaultClientScopes"))).doesNotContain("slipway-api");
    }

    @Test
    void templateAllowsNoPasswordGrantAndHasNoDemoUsers() {
        JsonNode realm = RealmTemplate.render(List.of("http://localhost:8080"), false);

        assertThat(client(realm, "slipway-cli").path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(realm.path("users").findValuesAsText("username")).containsExactly("service-account-slipway-provisioner");
    }

    @Test
    void demoOverlayAddsUsersAndCliPasswordGrantWithoutLosingTemplateSettings() {
        JsonNode realm = RealmTemplate.render(List.of("http://localhost:8080"), true);
        JsonNode cli = client(realm, "slipway-cli");

        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("attributes").path("oauth2.device.authorization.grant.enabled").asText()).isEqualTo("true");
        assertThat(realm.path("users").findValuesAsText("username"))
                .containsExactly("service-account-slipway-provisioner", "root", "alice", "bob", "carol", "dave", "erin");
        assertThat(realm.path("clients")).hasSize(3);
    }

    @Test
    void everyClientForPeopleHasTheApiScopeAndTheBuiltInScopesClientsNameExist() {
        JsonNode realm = RealmTemplate.render(List.of("http://localhost:8080"), false);
        List<String> scopes = realm.path("clientScopes").findValuesAsText("name");

        assertThat(scopes).contains("basic", "profile", "email", "roles", "web-origins", "acr", "organization", "slipway-api");
        for (JsonNode client : realm.path("clients")) {
            List<String> defaults = texts(client.path("defaultClientScopes"));
            if (!client.path("serviceAccountsEnabled").asBoolean()) {
                assertThat(defaults).as(client.path("clientId").asText()).contains("slipway-api", "basic", "profile", "email");
            }
            assertThat(scopes).containsAll(defaults).containsAll(texts(client.path("optionalClientScopes")));
        }
        assertThat(scopes).containsAll(texts(realm.path("defaultDefaultClientScopes"))).containsAll(texts(realm.path("defaultOptionalClientScopes")));
    }

    @Test
    void overlayMergesArraysOfNamedObjectsByIdentityAndReplacesOtherValues() throws Exception {
        JsonNode base = JSON.readTree("""
                {"clients": [{"clientId": "a", "x": 1, "attributes": {"k": "1"}}], "tags": ["t1"], "n": 1}""");
        JsonNode overlay = JSON.readTree("""
                {"clients": [{"clientId": "a", "x": 2, "attributes": {"j": "2"}}, {"clientId": "b"}], "tags": ["t2"]}""");

        assertThat(RealmTemplate.merge(base, overlay)).isEqualTo(JSON.readTree("""
                {"clients": [{"clientId": "a", "x": 2, "attributes": {"k": "1", "j": "2"}}, {"clientId": "b"}], "tags": ["t2"], "n": 1}"""));
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
