package io.slipway.storage;

/**
 * A promoted, content-addressed artifact.
 *
 * @param bucket the organization's bucket
 * @param key    {@code sha256/<hex>}
 * @param sha256 lowercase hex SHA-256 of the content
 * @param size   bytes
 * @param reused true when the organization already stored these bytes and the upload was dropped
 */
public record StoredArtifact(String bucket, String key, String sha256, long size, boolean reused) {
}
