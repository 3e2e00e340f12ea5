package io.slipway.auth.oidc;

import io.slipway.auth.Caller;
import java.time.Instant;

/**
 * A signed-in person as the identity provider last vouched for them.
 *
 * @param caller           who, with the realm roles of the latest access token
 * @param idToken          the latest ID token, the hint for signing out again
 * @param refreshToken     the latest refresh token, for re-checking with the identity provider (null if none)
 * @param sessionId        the identity provider's session ({@code sid}), which back-channel logout names (null if none)
 * @param refreshExpiresAt when the refresh token lapses: the identity provider's session ends by then unless used
 * @param checkedAt        when the identity provider last confirmed this person (the sign-in or the last refresh)
 */
public record SignedIn(Caller caller, String idToken, String refreshToken, String sessionId,
                       Instant refreshExpiresAt, Instant checkedAt) implements java.io.Serializable {

    /** The same sign-in, counted as checked at {@code when} without asking the identity provider. */
    public SignedIn checkedAt(Instant when) {
        return new SignedIn(caller, idToken, refreshToken, sessionId, refreshExpiresAt, when);
    }
}
