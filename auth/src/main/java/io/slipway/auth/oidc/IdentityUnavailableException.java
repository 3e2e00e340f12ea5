package io.slipway.auth.oidc;

/** The identity provider could not be reached, or answered with a server error: nothing was decided. */
public class IdentityUnavailableException extends SignInException {

    public IdentityUnavailableException(String message) {
        super(message);
    }

    public IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
