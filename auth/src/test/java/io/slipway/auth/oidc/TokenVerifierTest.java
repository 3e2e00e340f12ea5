package io.slipway.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private final TestRealm realm = new TestRealm();
    private final TokenVerifier verifier = realm.verifier();

    @Test
    void anIdTokenSignedByTheRealmForThisClientAndSignInIsAccepted() {
        JWTClaimsSet claims = verifier.idToken(realm.sign(realm.idClaims("user-1", "n-1")), "n-1");

        assertThat(claims.getSubject()).isEqualTo("user-1");
    }

    @Test
    void anIdTokenSignedWithAnotherKeyUnderTheRealmsKeyIdIsRefused() {
        RSAKey forger = TestRealm.generate(realm.signingKey.getKeyID());
        String forged = TestRealm.sign(realm.idClaims("user-1", "n-1").build(), forger, JOSEObjectType.JWT);

        assertRefused(() -> verifier.idToken(forged, "n-1"), "signature");
    }

    @Test
    void anIdTokenWhoseClaimsWereChangedAfterSigningIsRefused() {
        String[] parts = realm.sign(realm.idClaims("user-1", "n-1")).split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                realm.idClaims("admin", "n-1").build().toString().getBytes(StandardCharsets.UTF_8));

        assertRefused(() -> verifier.idToken(parts[0] + "." + otherClaims + "." + parts[2], "n-1"), "signature");
    }

    @Test
    void anUnsignedIdTokenIsRefused() {
        String unsigned = new PlainJWT(new PlainHeader(), realm.idClaims("user-1", "n-1").build()).serialize();

        assertRefused(() -> verifier.idToken(unsigned, "n-1"), "");
    }

    @Test
    void anIdTokenMacSignedWithAPublishedValueIsRefused() throws JOSEException {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(realm.signingKey.getKeyID()).build(),
                realm.idClaims("user-1", "n-1").build());
        hmac.sign(new MACSigner(realm.signingKey.toPublicJWK().getModulus().decode()));

        assertRefused(() -> verifier.idToken(hmac.serialize(), "n-1"), "");
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        String token = realm.sign(realm.idClaims("user-1", "n-1").issuer("http://evil.example/realms/slipway"));

        assertRefused(() -> verifier.idToken(token, "n-1"), "iss");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        String token = realm.sign(realm.idClaims("user-1", "n-1").audience("slipway-cli").claim("azp", "slipway-cli"));

        assertRefused(() -> verifier.idToken(token, "n-1"), "aud");
    }

    @Test
    void anIdTokenForSeveralAudiencesIssuedToAnotherClientIsRefused() {
        String token = realm.sign(realm.idClaims("user-1", "n-1").audience(List.of(TestRealm.CLIENT, "other"))
                .claim("azp", "other"));

        assertRefused(() -> verifier.idToken(token, "n-1"), "issued to other");
    }

    @Test
    void anIdTokenAnsweringAnotherSignInIsRefused() {
        String token = realm.sign(realm.idClaims("user-1", "someone-elses-nonce"));

        assertRefused(() -> verifier.idToken(token, "n-1"), "nonce");
    }

    @Test
    void anIdTokenWithoutNonceIsRefusedForASignIn() {
        String token = realm.sign(realm.idClaims("user-1", null));

        assertRefused(() -> verifier.idToken(token, "n-1"), "nonce");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        String token = realm.sign(realm.idClaims("user-1", "n-1")
                .issueTime(Date.from(TestRealm.NOW.minusSeconds(900)))
                .expirationTime(Date.from(TestRealm.NOW.minusSeconds(600))));

        assertRefused(() -> verifier.idToken(token, "n-1"), "Expired");
    }

    @Test
    void anIdTokenWithoutExpiryIsRefused() {
        String token = realm.sign(realm.idClaims("user-1", "n-1").expirationTime(null));

        assertRefused(() -> verifier.idToken(token, "n-1"), "exp");
    }

    @Test
    void anAccessTokenIssuedToAnotherClientIsRefused() {
        String token = realm.sign(realm.accessClaims("user-1", "bob", List.of()).claim("azp", "slipway-cli"));

        assertRefused(() -> verifier.accessToken(token), "azp");
    }

    @Test
    void aLogoutTokenOfTheRealmForThisClientIsAccepted() {
        String token = TestRealm.sign(realm.logoutClaims("s-1").build(), realm.signingKey, new JOSEObjectType("logout+jwt"));

        assertThat(verifier.logoutToken(token).getClaim("sid")).isEqualTo("s-1");
    }

    @Test
    void anIdTokenDoesNotPassForALogoutToken() {
        String idToken = realm.sign(realm.idClaims("user-1", "n-1"));

        assertRefused(() -> verifier.logoutToken(idToken), "");
    }

    @Test
    void aLogoutTokenWithANonceIsRefused() {
        String token = realm.sign(realm.logoutClaims("s-1").claim("nonce", "n"));

        assertRefused(() -> verifier.logoutToken(token), "nonce");
    }

    @Test
    void aLogoutTokenWithoutTheLogoutEventIsRefused() {
        String token = realm.sign(realm.logoutClaims("s-1").claim("events", Map.of("urn:other", Map.of())));

        assertRefused(() -> verifier.logoutToken(token), "event");
    }

    @Test
    void aLogoutTokenNamingNeitherSessionNorSubjectIsRefused() {
        String token = realm.sign(realm.logoutClaims(null).subject(null));

        assertRefused(() -> verifier.logoutToken(token), "neither");
    }

    @Test
    void aLogoutTokenForAnotherClientIsRefused() {
        String token = realm.sign(realm.logoutClaims("s-1").audience("other-app"));

        assertRefused(() -> verifier.logoutToken(token), "aud");
    }

    @Test
    void aLogoutTokenSignedWithAnotherKeyIsRefused() {
        String forged = TestRealm.sign(realm.logoutClaims("s-1").build(), TestRealm.generate("realm-key"), JOSEObjectType.JWT);

        assertRefused(() -> verifier.logoutToken(forged), "signature");
    }

    @Test
    void aTokenIssuedSlightlyInTheFutureIsAcceptedWithinTheClockSkew() {
        Instant soon = TestRealm.NOW.plusSeconds(10);
        String token = realm.sign(realm.idClaims("user-1", "n-1").issueTime(Date.from(soon)).notBeforeTime(Date.from(soon)));

        assertThat(verifier.idToken(token, "n-1").getSubject()).isEqualTo("user-1");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOf(SignInException.class).hasMessageContaining(reason);
    }
}
