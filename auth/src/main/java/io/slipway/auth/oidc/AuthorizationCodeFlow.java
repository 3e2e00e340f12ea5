package io.slipway.auth.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import io.slipway.auth.Caller;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authorization-code flow for a confidential client, with PKCE (S256), state and nonce, and what follows
 * it: re-checking a signed-in person with the refresh token, and reading back-channel logout notices. Every
 * token read from the identity provider is verified by {@link TokenVerifier} (signature, issuer, audience,
 * expiry, nonce) rather than trusted because of the connection it came over, so a plain-HTTP hop between
 * the server and the identity provider cannot forge a sign-in.
 */
public final class AuthorizationCodeFlow {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final OidcSettings settings;
    private final TokenVerifier verifier;
    private final Clock clock;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public AuthorizationCodeFlow(OidcSettings settings) {
        this(settings, TokenVerifier.forRealm(settings.issuer(), settings.jwksEndpoint(), settings.clientId()),
                Clock.systemUTC());
    }

    public AuthorizationCodeFlow(OidcSettings settings, TokenVerifier verifier, Clock clock) {
        this.settings = settings;
        this.verifier = verifier;
        this.clock = clock;
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
        Map<String, Object> tokens = tokenRequest(body, false);
        String idToken = string(tokens, "id_token");
        if (idToken == null) {
            throw new SignInException("The token endpoint returned no ID token");
        }
        return signedIn(tokens, verifier.idToken(idToken, pending.nonce()), idToken, null);
    }

    /**
     * Asks the identity provider whether {@code current} is still signed in, with the refresh token, and
     * returns who they are now (realm roles re-read from the new access token).
     *
     * @throws SessionEndedException         the identity provider no longer vouches for them (session ended or
     *                                       revoked, account disabled, refresh token lapsed, or an answer that
     *                                       fails verification)
     * @throws IdentityUnavailableException the identity provider could not be asked
     */
    public SignedIn refresh(SignedIn current) {
        if (current.refreshToken() == null) {
            throw new SessionEndedException("The sign-in carries no refresh token");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", current.refreshToken());
        Map<String, Object> tokens = tokenRequest(body, true);
        try {
            String idToken = string(tokens, "id_token");
            JWTClaimsSet id = idToken == null ? null : verifier.idToken(idToken, null);
            SignedIn renewed = signedIn(tokens, id, idToken == null ? current.idToken() : idToken, current);
            if (!renewed.caller().userId().equals(current.caller().userId())) {
                throw new SessionEndedException("The refreshed tokens name another user");
            }
            return renewed;
        } catch (SessionEndedException e) {
            throw e;
        } catch (SignInException e) {
            throw new SessionEndedException("The refreshed tokens failed verification: " + e.getMessage(), e);
        }
    }

    /** Verifies a back-channel logout token (OpenID Connect Back-Channel Logout 1.0) and says what it ends. */
    public LogoutNotice logoutNotice(String logoutToken) {
        JWTClaimsSet claims = verifier.logoutToken(logoutToken);
        try {
            return new LogoutNotice(claims.getStringClaim("sid"), claims.getSubject());
        } catch (ParseException e) {
            throw new SignInException("The logout token's sid is not a string", e);
        }
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

    /** The browser-facing issuer (its origin is where sign-in and sign-out pages live). */
    public URI issuer() {
        return settings.issuer();
    }

    private SignedIn signedIn(Map<String, Object> tokens, JWTClaimsSet id, String idToken, SignedIn previous) {
        String accessToken = string(tokens, "access_token");
        if (accessToken == null) {
            throw new SignInException("The token endpoint returned no access token");
        }
        JWTClaimsSet access = verifier.accessToken(accessToken);
        if (id != null && !id.getSubject().equals(access.getSubject())) {
            throw new SignInException("The ID token and the access token name different users");
        }
        Caller caller = new Caller(access.getSubject(), stringClaim(access, "preferred_username", access.getSubject()),
                groups(access));
        Instant now = clock.instant();
        String sessionId = id != null ? stringClaim(id, "sid", null) : null;
        if (sessionId == null && previous != null) {
            sessionId = previous.sessionId();
        }
        String refreshToken = string(tokens, "refresh_token");
        if (refreshToken == null && previous != null) {
            refreshToken = previous.refreshToken();
        }
        Instant refreshExpiresAt = tokens.get("refresh_expires_in") instanceof Number seconds
                ? now.plusSeconds(seconds.longValue())
                : access.getExpirationTime().toInstant();
        return new SignedIn(caller, idToken, refreshToken, sessionId, refreshExpiresAt, now);
    }

    private Map<String, Object> tokenRequest(Map<String, String> grant, boolean refusalEndsSession) {
        Map<String, String> body = new LinkedHashMap<>(grant);
        body.put("client_id", settings.clientId());
        body.put("client_secret", settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(settings.tokenEndpoint())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IdentityUnavailableException("The identity provider's token endpoint is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityUnavailableException("Interrupted while asking the identity provider", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return parse(response.body());
        }
        String answer = response.body() == null ? "" : response.body();
        String refusal = "The token endpoint refused: HTTP " + status + " " + answer.substring(0, Math.min(300, answer.length()));
        if (status >= 500) {
            throw new IdentityUnavailableException(refusal);
        }
        throw refusalEndsSession ? new SessionEndedException(refusal) : new SignInException(refusal);
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new SignInException("The identity provider answered something that is not a JSON object", e);
        }
    }

    private static String string(Map<String, Object> json, String name) {
        return json.get(name) instanceof String value ? value : null;
    }

    private static String stringClaim(JWTClaimsSet claims, String name, String fallback) {
        try {
            String value = claims.getStringClaim(name);
            return value == null ? fallback : value;
        } catch (ParseException e) {
            throw new SignInException("The token's " + name + " is not a string", e);
        }
    }

    private static Set<String> groups(JWTClaimsSet claims) {
        try {
            List<String> groups = claims.getStringListClaim("groups");
            return groups == null ? Set.of() : Set.copyOf(groups);
        } catch (ParseException e) {
            throw new SignInException("The access token's groups are not a list of strings", e);
        }
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
