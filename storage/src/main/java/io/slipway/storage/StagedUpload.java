package io.slipway.storage;

import java.util.Objects;

/**
 * An upload that reached the store in full but is not an artifact yet: it sits under a temporary key until
 * it is {@linkplain ObjectStore#promote promoted} or {@linkplain ObjectStore#discard discarded}.
 *
 * @param bucket  the organization's bucket
 * @param tempKey {@code uploads/<uuid>}
 * @param sha256  lowercase hex SHA-256 of exactly the bytes that were read
 * @param size    how many bytes were read (0 is possible; whether that is acceptable is the caller's call)
 */
public record StagedUpload(String bucket, String tempKey, String sha256, long size) {

    public StagedUpload {
        Objects.requireNonNull(bucket, "bucket");
        ObjectKeys.requireTempKey(tempKey);
        ObjectKeys.requireSha256(sha256);
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }
}
