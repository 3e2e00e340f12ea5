package io.slipway.artifact;

import java.util.UUID;

/**
 * An upload that passed its checks and is stored under its content key, not yet registered.
 *
 * @param sha256 hex SHA-256 of the content
 * @param size   bytes
 * @param key    object key ({@code sha256/<hex>}) in the organization's bucket
 * @param reused whether the organization already stored these bytes (nothing new was written); never shown to
 *               the caller, for whom it would tell what other projects hold
 * @param upload the upload's mark in {@link UploadsInFlight}, which its registration removes
 */
public record ReceivedArtifact(String sha256, long size, String key, boolean reused, UUID upload) {
}
