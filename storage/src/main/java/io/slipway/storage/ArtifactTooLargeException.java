package io.slipway.storage;

/**
 * An upload sent more than the limit it was staged with. Nothing of it is left in the store.
 */
public class ArtifactTooLargeException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public ArtifactTooLargeException(String bucket, long limit) {
        super("The upload to bucket " + bucket + " is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    /** The most bytes the upload could have had. */
    public long limit() {
        return limit;
    }
}
