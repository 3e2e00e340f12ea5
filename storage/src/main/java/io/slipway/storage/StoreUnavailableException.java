package io.slipway.storage;

/**
 * The object store could not be reached or stopped answering (connection refused, reset or timed out, or a
 * 5xx that says "try again"): nothing about the request was wrong, and the same call may work once the store
 * is back.
 */
public class StoreUnavailableException extends StorageException {

    private static final long serialVersionUID = 1L;

    StoreUnavailableException(String message, Throwable cause, String s3ErrorCode) {
        super(message, cause, s3ErrorCode);
    }
}
