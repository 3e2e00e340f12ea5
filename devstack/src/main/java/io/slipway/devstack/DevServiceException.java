package io.slipway.devstack;

import java.io.Serial;

/** A local development service could not be prepared, started or stopped. */
public class DevServiceException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DevServiceException(String message) {
        super(message);
    }

    public DevServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
