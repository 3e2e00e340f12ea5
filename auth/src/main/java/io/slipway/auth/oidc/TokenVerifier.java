package io.slipway.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the tokens the console receives from the identity provider, whatever the channel they came over:
 * the signature against the realm's published keys (asymmetric algorithms only, keys fetched from the JWKS
 * endpoint and cached), the exact issuer, expiry and issue time (with a small clock skew), the audience, and
 * what each kind of token must or must not carry (OpenID Connect Core 3.1.3.7, Back-Channel Logout 1.0
 * section 2.6). A token that fails any check throws {@link SignInException}.
 */
public final class TokenVerifier {

    /** The logout token's {@code events} member (OpenID Connect Back-Channel Logout 1.0, section 2.4). */
    static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final int JWKS_TIMEOUT_MILLIS = 5_000;
    private static final int JWKS_MAX_BYTES = 512 * 1024;
    private static final Set<JWSAlgorithm> ALGORITHMS = asymmetricAlgorithms();

    private final String issuer;
    private final String clientId;
    private final JWKSource<SecurityContext> keys;
    private final Clock clock;

    /**
     * @param issuer   the {@code iss} every token must carry exactly
     * @param clientId this client: the audience of ID and logout tokens, the {@code azp} of access tokens
     * @param keys     the realm's signing keys
     * @param clock    what "now" is for expiry checks
     */
    public TokenVerifier(URI issuer, String clientId, JWKSource<SecurityContext> keys, Clock clock) {
        this.issuer = issuer.toString();
        this.clientId = clientId;
        this.keys = keys;
        this.clock = clock;
    }

    /** A verifier fetching the realm's keys from {@code jwksUri} (cached; fetched again for an unknown key id). */
    public static TokenVerifier forRealm(URI issuer, URI jwksUri, String clientId) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(),
                            new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_MAX_BYTES))
                    .retrying(true)
                    .build();
            return new TokenVerifier(issuer, clientId, keys, Clock.systemUTC());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + jwksUri, e);
        }
    }

    /**
     * An ID token for this client: audience this client (and, with several audiences, {@code azp} this client),
     * subject, expiry, issue time, and the {@code nonce} of the sign-in it answers unless {@code nonce} is null
     * (refreshed ID tokens need not repeat it).
     */
    public JWTClaimsSet idToken(String jwt, String nonce) {
        JWTClaimsSet claims = process("ID token", jwt, Set.of(clientId), exactIssuer(),
                Set.of("sub", "exp", "iat"), Set.of(), Set.of(JOSEObjectType.JWT));
        if (nonce != null && !nonce.equals(stringClaim(claims, "nonce"))) {
            throw new SignInException("The ID token does not answer this sign-in (nonce differs)");
        }
        if (claims.getAudience().size() > 1 && !clientId.equals(stringClaim(claims, "azp"))) {
            throw new SignInException("The ID token was issued to " + stringClaim(claims, "azp") + ", not to " + clientId);
        }
        return claims;
    }

    /** An access token issued to this client ({@code azp}), with subject, expiry and issue time. */
    public JWTClaimsSet accessToken(String jwt) {
        JWTClaimsSet expected = new JWTClaimsSet.Builder().issuer(issuer).claim("azp", clientId).build();
        return process("access token", jwt, null, expected, Set.of("sub", "exp", "iat"), Set.of(),
                Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt")));
    }

    /**
     * A logout token for this client (Back-Channel Logout 1.0, 2.6): audience, issue time, the back-channel
     * logout event, a session id or subject, and no nonce (so an ID token cannot pass for one).
     */
    public JWTClaimsSet logoutToken(String jwt) {
        JWTClaimsSet claims = process("logout token", jwt, Set.of(clientId), exactIssuer(),
                Set.of("iat", "events"), Set.of("nonce"), Set.of(JOSEObjectType.JWT, new JOSEObjectType("logout+jwt")));
        Map<String, Object> events;
        try {
            events = claims.getJSONObjectClaim("events");
        } catch (ParseException e) {
            throw new SignInException("The logout token's events are not an object", e);
        }
        if (events == null || !events.containsKey(BACKCHANNEL_LOGOUT_EVENT)) {
            throw new SignInException("The logout token names no back-channel logout event");
        }
        if (stringClaim(claims, "sid") == null && claims.getSubject() == null) {
            throw new SignInException("The logout token names neither a session nor a subject");
        }
        return claims;
    }

    private JWTClaimsSet process(String kind, String jwt, Set<String> audience, JWTClaimsSet exactMatch,
                                 Set<String> required, Set<String> prohibited, Set<JOSEObjectType> types) {
        if (jwt == null || jwt.isBlank()) {
            throw new SignInException("No " + kind + " was given");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        Set<JOSEObjectType> allowedTypes = new HashSet<>(types);
        allowedTypes.add(null);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(allowedTypes));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier =
                new DefaultJWTClaimsVerifier<>(audience, exactMatch, required, prohibited) {
                    @Override
                    protected java.util.Date currentTime() {
                        return java.util.Date.from(clock.instant());
                    }
                };
        claimsVerifier.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claimsVerifier);
        try {
            return processor.process(jwt, null);
        } catch (ParseException e) {
            throw new SignInException("The " + kind + " is not a signed JWT", e);
        } catch (BadJOSEException e) {
            throw new SignInException("The " + kind + " was refused: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new SignInException("The " + kind + " could not be verified (the realm's keys are unavailable?): "
                    + e.getMessage(), e);
        }
    }

    private JWTClaimsSet exactIssuer() {
        return new JWTClaimsSet.Builder().issuer(issuer).build();
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new SignInException("The token's " + name + " is not a string", e);
        }
    }

    private static Set<JWSAlgorithm> asymmetricAlgorithms() {
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        return Set.copyOf(algorithms);
    }
}
