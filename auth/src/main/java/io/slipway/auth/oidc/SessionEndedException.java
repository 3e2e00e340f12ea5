package io.slipway.auth.oidc;

/**
 * The identity provider no longer vouches for a signed-in person: their session was ended or revoked, the
 * account disabled, or the refresh token lapsed. The console session must end too.
 */
public class SessionEndedException extends SignInException {

    public SessionEndedException(String message) {
        super(message);
    }

    public SessionEndedException(String message, Throwable cause) {
        super(message, cause);
    }
}
