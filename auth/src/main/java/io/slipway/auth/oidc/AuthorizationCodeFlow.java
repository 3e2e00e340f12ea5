package io.slipway.auth.oidc;

import io.slipway.auth.Caller;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authorization-code flow for a confidential client, with PKCE (S256), state and nonce. The tokens are
 * received directly from the token endpoint over the server's own connection, so their issuer is
 * authenticated by that connection (OpenID Connect Core 3.1.3.7); this class still checks issuer, audience,
 * expiry and nonce of the ID token, and that the access token names the same subject.
 */
public final class AuthorizationCodeFlow {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final OidcSettings settings;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public AuthorizationCodeFlow(OidcSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** Starts a sign-in that will come back to {@code redirectUri} and then continue at {@code returnTo}. */
    public SignInRequest begin(URI redirectUri, String returnTo) {
        String state = randomToken(32);
        String nonce = randomToken(32);
        String verifier = randomToken(64);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", "openid profile email");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", B64URL.encodeToString(sha256(verifier)));
        query.put("code_challenge_method", "S256");
        URI url = URI.create(settings.authorizationEndpoint() + "?" + form(query));
        return new SignInRequest(url, state, nonce, verifier, redirectUri, returnTo);
    }

    /** Completes the sign-in the browser returned from, or throws {@link SignInException}. */
    public SignedIn complete(SignInRequest pending, String returnedState, String code, String error) {
        if (error != null) {
            throw new SignInException("The identity provider refused the sign-in: " + error);
        }
        if (returnedState == null || !MessageDigest.isEqual(
                returnedState.getBytes(StandardCharsets.UTF_8), pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new SignInException("The sign-in response does not belong to this session (state differs)");
        }
        if (code == null || code.isBlank()) {
            throw new SignInException("The sign-in response carries no authorization code");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", pending.redirectUri().toString());
        body.put("code_verifier", pending.codeVerifier());
        body.put("client_id", settings.clientId());
        body.put("client_secret", settings.clientSecret());
        JsonObject tokens = post(settings.tokenEndpoint(), body);
        String idToken = tokens.getString("id_token", null);
        String accessToken = tokens.getString("access_token", null);
        if (idToken == null || accessToken == null) {
            throw new SignInException("The token endpoint returned no ID token or access token");
        }
        JsonObject id = claims(idToken);
        checkIdToken(id, pending.nonce());
        JsonObject access = claims(accessToken);
        if (!id.getString("sub").equals(access.getString("sub", null))) {
            throw new SignInException("The ID token and the access token name different users");
        }
        Caller caller = new Caller(access.getString("sub"), access.getString("preferred_username",
                access.getString("sub")), stringSet(access.get("groups")));
        return new SignedIn(caller, idToken, Instant.ofEpochSecond(id.getJsonNumber("exp").longValue()));
    }

    /** Where to send the browser to end its identity-provider session, coming back to {@code afterwards}. */
    public URI signOutUrl(String idToken, URI afterwards) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("post_logout_redirect_uri", afterwards.toString());
        if (idToken != null) {
            query.put("id_token_hint", idToken);
        }
        return URI.create(settings.endSessionEndpoint() + "?" + form(query));
    }

    private void checkIdToken(JsonObject id, String nonce) {
        if (!settings.issuer().toString().equals(id.getString("iss", null))) {
            throw new SignInException("The ID token was issued by " + id.getString("iss", "nobody")
                    + ", not by " + settings.issuer());
        }
        if (!stringSet(id.get("aud")).contains(settings.clientId())) {
            throw new SignInException("The ID token is not meant for client " + settings.clientId());
        }
        if (!nonce.equals(id.getString("nonce", null))) {
            throw new SignInException("The ID token does not answer this sign-in (nonce differs)");
        }
        if (!id.containsKey("exp") || Instant.ofEpochSecond(id.getJsonNumber("exp").longValue())
                .isBefore(Instant.now())) {
            throw new SignInException("The ID token has expired");
        }
        if (!id.containsKey("sub")) {
            throw new SignInException("The ID token names no subject");
        }
    }

    private JsonObject post(URI endpoint, Map<String, String> body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SignInException("The token endpoint refused the code: HTTP " + response.statusCode()
                        + " " + response.body());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new SignInException("The identity provider's token endpoint is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("Interrupted while completing the sign-in", e);
        }
    }

    /** The claims of a compact JWS, without checking its signature (see the class comment for why). */
    static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new SignInException("A token is not a compact JWT");
        }
        try {
            return parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SignInException("A token's claims are not base64url", e);
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new SignInException("The identity provider answered something that is not a JSON object", e);
        }
    }

    private static Set<String> stringSet(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return Set.of();
        }
        if (value instanceof JsonString s) {
            return Set.of(s.getString());
        }
        if (value instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .collect(Collectors.toCollection(HashSet::new));
        }
        return Set.of();
    }

    private String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return B64URL.encodeToString(buffer);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
