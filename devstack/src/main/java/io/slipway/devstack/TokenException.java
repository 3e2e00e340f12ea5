package io.slipway.devstack;

import java.io.Serial;

/** The token endpoint refused a grant (or could not be reached: status 0). */
public class TokenException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public TokenException(int status, String error, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
    }

    /** The HTTP status, or 0 if no response arrived. */
    public int status() {
        return status;
    }

    /** The OAuth error code, e.g. {@code invalid_grant}, {@code unauthorized_client}. */
    public String error() {
        return error;
    }
}
