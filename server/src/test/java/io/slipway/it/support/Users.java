package io.slipway.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens for the demo realm's users (root, alice, bob, carol, dave, erin; password = name),
 * issued by the test Keycloak through the password grant of {@code slipway-cli}.
 */
public final class Users {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Users() {
    }

    // one password grant at a time: Keycloak answers concurrent grants for one user with 401 "Invalid user
    // credentials" now and then (PromotionsIT's racing approvers met it on PostgreSQL)
    public static synchronized String token(String username) {
        Cached cached = TOKENS.get(username);
        if (cached == null || Instant.now().isAfter(cached.expires)) {
            String token = TestPlatform.keycloak().tokens().password(username, username);
            cached = new Cached(token, Instant.ofEpochSecond(claims(token).get("exp").asLong()).minusSeconds(30));
            TOKENS.put(username, cached);
        }
        return cached.token;
    }

    /** The user's Keycloak id (the tokens' {@code sub}). */
    public static String id(String username) {
        return claims(token(username)).get("sub").asText();
    }

    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Cached(String token, Instant expires) {
    }
}
