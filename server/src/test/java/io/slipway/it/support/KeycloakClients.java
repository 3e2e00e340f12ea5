package io.slipway.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Test-only Keycloak set-up through its admin API: extra clients with unusual token settings. */
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
        HttpResponse<String> created = send(HttpRequest.newBuilder(admin("/admin/realms/slipway/clients"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(client))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Cannot create client: " + created.statusCode() + " " + created.body());
        }
        return clientId;
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

    private static String adminToken() {
        return passwordToken("master", "admin-cli", TestPlatform.ADMIN, TestPlatform.ADMIN);
    }

    private static URI admin(String path) {
        return URI.create(TestPlatform.keycloak().url() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
