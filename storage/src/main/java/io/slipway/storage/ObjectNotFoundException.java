package io.slipway.storage;

/** The object (or the organization's whole bucket) does not exist. */
public class ObjectNotFoundException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final String bucket;
    private final String key;

    public ObjectNotFoundException(String bucket, String key) {
        this(bucket, key, null, null);
    }

    ObjectNotFoundException(String bucket, String key, Throwable cause, String s3ErrorCode) {
        super("No object " + key + " in bucket " + bucket, cause, s3ErrorCode);
        this.bucket = bucket;
        this.key = key;
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }
}
