package io.slipway.artifact;

/**
 * An upload that passed its checks and is stored under its content key, not yet registered.
 *
 * @param sha256 hex SHA-256 of the content
 * @param size   bytes
 * @param key    object key ({@code sha256/<hex>}) in the organization's bucket
 * @param reused whether the organization already stored these bytes (nothing new was written)
 */
public record ReceivedArtifact(String sha256, long size, String key, boolean reused) {
}
