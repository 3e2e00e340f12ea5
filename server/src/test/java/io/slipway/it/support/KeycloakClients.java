package io.slipway.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Test-only Keycloak set-up through its admin API: extra clients with unusual token settings, and users of a test's own. */
public final class KeycloakClients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakClients() {
    }

    /**
     * Creates a public client in the slipway realm with the password grant on and the given client scopes
     * (the realm's defaults when null) and access-token lifespan in seconds (the realm's when null).
     */
    public static String createPublicClient(List<String> defaultScopes, Integer accessTokenSeconds) {
        String clientId = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> client = new HashMap<>(Map.of(
                "clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false));
        if (defaultScopes != null) {
            client.put("defaultClientScopes", defaultScopes);
        }
        if (accessTokenSeconds != null) {
            client.put("attributes", Map.of("access.token.lifespan", accessTokenSeconds.toString()));
        }
        HttpResponse<String> created = send(adminRequest("/clients")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(client))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Cannot create client: " + created.statusCode() + " " + created.body());
        }
        return clientId;
    }

    /**
     * Creates an enabled user in the slipway realm with password = user name, a complete profile (so that
     * signing in asks nothing more) and this e-mail address, verified or not; returns the user's id.
     */
    public static String createUser(String username, String email, boolean emailVerified) {
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", email,
                "emailVerified", emailVerified, "firstName", "Test", "lastName", username,
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)));
        HttpResponse<String> created = send(adminRequest("/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(user))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Cannot create user: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Disables (or enables) a user of the slipway realm, as an administrator would. */
    public static void setEnabled(String userId, boolean enabled) {
        HttpResponse<String> current = send(adminRequest("/users/" + userId).GET());
        if (current.statusCode() != 200) {
            throw new IllegalStateException("Cannot read user: " + current.statusCode() + " " + current.body());
        }
        ObjectNode user = (ObjectNode) read(current.body());
        user.put("enabled", enabled);
        HttpResponse<String> updated = send(adminRequest("/users/" + userId)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(user))));
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Cannot update user: " + updated.statusCode() + " " + updated.body());
        }
    }

    /** Ends every Keycloak session of a user of the slipway realm, as an administrator would (Sign out). */
    public static void signOutEverywhere(String userId) {
        HttpResponse<String> done = send(adminRequest("/users/" + userId + "/logout")
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (done.statusCode() != 204) {
            throw new IllegalStateException("Cannot sign the user out: " + done.statusCode() + " " + done.body());
        }
    }

    /** A password-grant access token for a user through the given client of a realm. */
    public static String passwordToken(String realm, String clientId, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username,
                        "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        admin("/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    private static HttpRequest.Builder adminRequest(String path) {
        return HttpRequest.newBuilder(admin("/admin/realms/slipway" + path))
                .header("Authorization", "Bearer " + adminToken());
    }

    private static String adminToken() {
        return passwordToken("master", "admin-cli", TestPlatform.ADMIN, TestPlatform.ADMIN);
    }

    private static URI admin(String path) {
        return URI.create(TestPlatform.keycloak().url() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // Keycloak answers in milliseconds; a call left waiting (say, on a back-channel logout it makes
            // synchronously) must fail the test, not hang it
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
