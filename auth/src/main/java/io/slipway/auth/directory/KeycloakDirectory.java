package io.slipway.auth.directory;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link IdentityDirectory} on Keycloak's admin REST API, as the realm's {@code slipway-provisioner} service
 * account (client credentials). Keycloak organizations are named and aliased by the Slipway organization's
 * slug.
 */
public final class KeycloakDirectory implements IdentityDirectory {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;

    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    public KeycloakDirectory(URI baseUrl, String realm, String clientId, String clientSecret) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public Optional<DirectoryUser> findUser(String usernameOrEmail) {
        boolean byEmail = usernameOrEmail.contains("@");
        String field = byEmail ? "email" : "username";
        JsonArray users = getArray("users?exact=true&briefRepresentation=true&" + field + "=" + encode(usernameOrEmail)
                + (byEmail ? "&emailVerified=true" : ""));
        return users.getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getBoolean("enabled", false))
                .filter(u -> !byEmail || u.getBoolean("emailVerified", false))
                .filter(u -> usernameOrEmail.equalsIgnoreCase(u.getString(field, "")))
                .findFirst()
                .map(u -> new DirectoryUser(u.getString("id"), u.getString("username"), u.getString("email", null)));
    }

    @Override
    public void ensureOrganization(String alias, String name) {
        if (findOrganizationId(alias).isPresent()) {
            return;
        }
        JsonObject body = Json.createObjectBuilder()
                .add("name", alias)
                .add("alias", alias)
                .add("description", name)
                .add("enabled", true)
                .build();
        HttpResponse<String> response = send(admin("organizations").POST(json(body)));
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw failure("create organization " + alias, response);
        }
    }

    @Override
    public void addMember(String organizationAlias, String userId) {
        String orgId = requireOrganizationId(organizationAlias);
        HttpResponse<String> response = send(admin("organizations/" + orgId + "/members")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createValue(userId).toString()))
                .header("Content-Type", "application/json"));
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw failure("add member to " + organizationAlias, response);
        }
    }

    @Override
    public void removeMember(String organizationAlias, String userId) {
        Optional<String> orgId = findOrganizationId(organizationAlias);
        if (orgId.isEmpty()) {
            return;
        }
        HttpResponse<String> response = send(admin("organizations/" + orgId.get() + "/members/" + encode(userId))
                .DELETE());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw failure("remove member from " + organizationAlias, response);
        }
    }

    private String requireOrganizationId(String alias) {
        return findOrganizationId(alias).orElseThrow(() -> new DirectoryUnavailableException(
                "organization '" + alias + "' does not exist in Keycloak"));
    }

    private Optional<String> findOrganizationId(String alias) {
        // Keycloak matches q=alias:<alias> exactly
        JsonArray found = getArray("organizations?briefRepresentation=true&first=0&max=5&q=" + encode("alias:" + alias));
        return found.getValuesAs(JsonObject.class).stream()
                .filter(o -> alias.equals(o.getString("alias", null)))
                .map(o -> o.getString("id"))
                .findFirst();
    }

    private JsonArray getArray(String path) {
        HttpResponse<String> response = send(admin(path).GET());
        if (response.statusCode() != 200) {
            throw failure("GET " + path, response);
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve("admin/realms/" + realm + "/" + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", "application/json");
    }

    private synchronized String accessToken() {
        if (token != null && Instant.now().isBefore(tokenExpiry)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        baseUrl.resolve("realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw failure("obtain a service-account token for " + clientId, response);
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject body = reader.readObject();
            token = body.getString("access_token");
            tokenExpiry = Instant.now().plusSeconds(Math.max(5, body.getInt("expires_in", 60) - 15));
            return token;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DirectoryUnavailableException("Keycloak at " + baseUrl + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException("interrupted while calling Keycloak", e);
        }
    }

    private static HttpRequest.BodyPublisher json(JsonValue body) {
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private static DirectoryUnavailableException failure(String what, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return new DirectoryUnavailableException("Keycloak refused to " + what + ": HTTP " + response.statusCode()
                + (body.isBlank() ? "" : " " + body.substring(0, Math.min(300, body.length()))));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
