package io.slipway.storage;

/**
 * The object store failed; the message names the operation, bucket and key. The base of every exception
 * this package throws (MinIO's checked exceptions never escape it).
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The S3 error code when the server answered one ({@code NoSuchUpload}, ...); for this package only. */
    private final String s3ErrorCode;

    public StorageException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public StorageException(String message) {
        this(message, null, null);
    }

    StorageException(String message, Throwable cause, String s3ErrorCode) {
        super(message, cause);
        this.s3ErrorCode = s3ErrorCode;
    }

    String s3ErrorCode() {
        return s3ErrorCode;
    }
}
