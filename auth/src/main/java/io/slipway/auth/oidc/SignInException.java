package io.slipway.auth.oidc;

/** A sign-in that cannot be completed: wrong state, rejected code, unexpected token. */
public class SignInException extends RuntimeException {

    public SignInException(String message) {
        super(message);
    }

    public SignInException(String message, Throwable cause) {
        super(message, cause);
    }
}
