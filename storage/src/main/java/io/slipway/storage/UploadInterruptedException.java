package io.slipway.storage;

import java.io.IOException;

/**
 * Reading the upload's body failed before its end (typically the client disconnected). Nothing of it is
 * left in the store. The cause is the {@link IOException} the body threw.
 */
public class UploadInterruptedException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final long bytesRead;

    public UploadInterruptedException(String bucket, long bytesRead, IOException cause) {
        super("The upload to bucket " + bucket + " broke off after " + bytesRead + " bytes: " + cause.getMessage(),
                cause);
        this.bytesRead = bytesRead;
    }

    /** How many bytes arrived before the body failed. */
    public long bytesRead() {
        return bytesRead;
    }
}
