package io.slipway.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** A realm of the tests' own: a locally generated signing key, and tokens shaped like Keycloak's. */
final class TestRealm {

    static final URI ISSUER = URI.create("http://127.0.0.1:8180/realms/slipway");
    static final String CLIENT = "slipway-console";
    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    final RSAKey signingKey;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    TestRealm() {
        this.signingKey = generate("realm-key");
    }

    static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    JWKSource<SecurityContext> publishedKeys() {
        return new ImmutableJWKSet<>(new JWKSet(signingKey.toPublicJWK()));
    }

    TokenVerifier verifier() {
        return new TokenVerifier(ISSUER, CLIENT, publishedKeys(), clock);
    }

    JWTClaimsSet.Builder idClaims(String subject, String nonce) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER.toString())
                .subject(subject)
                .audience(CLIENT)
                .claim("azp", CLIENT)
                .claim("nonce", nonce)
                .claim("sid", "session-of-" + subject)
                .issueTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plusSeconds(300)));
    }

    JWTClaimsSet.Builder accessClaims(String subject, String username, List<String> groups) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER.toString())
                .subject(subject)
                .audience(List.of("slipway-api", "account"))
                .claim("azp", CLIENT)
                .claim("typ", "Bearer")
                .claim("preferred_username", username)
                .claim("groups", groups)
                .issueTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plusSeconds(300)));
    }

    JWTClaimsSet.Builder logoutClaims(String sessionId) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER.toString())
                .subject("user-1")
                .audience(CLIENT)
                .jwtID("logout-1")
                .claim("sid", sessionId)
                .claim("events", Map.of(TokenVerifier.BACKCHANNEL_LOGOUT_EVENT, Map.of()))
                .issueTime(Date.from(NOW.minusSeconds(1)));
    }

    String sign(JWTClaimsSet.Builder claims) {
        return sign(claims.build(), signingKey, JOSEObjectType.JWT);
    }

    static String sign(JWTClaimsSet claims, RSAKey key, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
