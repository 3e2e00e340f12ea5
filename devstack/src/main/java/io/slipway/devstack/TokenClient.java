package io.slipway.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Gets tokens from the Slipway realm's token endpoint, for tests and seeding. The password grant uses
 * the public {@code slipway-cli} client, which allows it only in the demo realm.
 */
public final class TokenClient {

    /** The public client whose password grant the demo realm enables. */
    public static final String CLI_CLIENT_ID = "slipway-cli";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI tokenEndpoint;

    /** @param issuer the realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/slipway} */
    public TokenClient(String issuer) {
        this.tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
    }

    /** The access token from a password grant through {@code slipway-cli}. */
    public String password(String username, String password) {
        return passwordGrant(username, password).accessToken();
    }

    /** The tokens from a password grant through {@code slipway-cli}. */
    public Tokens passwordGrant(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLI_CLIENT_ID);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return request(form);
    }

    /** The access token from a client-credentials grant. */
    public String clientCredentials(String clientId, String secret) {
        return clientCredentialsGrant(clientId, secret).accessToken();
    }

    /** The tokens from a client-credentials grant. */
    public Tokens clientCredentialsGrant(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return request(form);
    }

    /** New tokens for a refresh token issued to {@code slipway-cli}. */
    public Tokens refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", CLI_CLIENT_ID);
        form.put("refresh_token", refreshToken);
        return request(form);
    }

    private Tokens request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException(0, "io_error", "Cannot reach " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(0, "interrupted", "Interrupted while requesting a token", e);
        }
        JsonNode json = parse(response);
        if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
            throw new TokenException(response.statusCode(), json.path("error").asText("unknown"),
                    form.get("grant_type") + " grant for " + form.getOrDefault("username", form.get("client_id")) + " failed: HTTP "
                            + response.statusCode() + " " + json.path("error_description").asText(response.body()), null);
        }
        return new Tokens(json.get("access_token").asText(),
                json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null,
                json.path("expires_in").asLong());
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
