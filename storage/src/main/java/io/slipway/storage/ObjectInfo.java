package io.slipway.storage;

import java.time.Instant;

/**
 * An object as listed or stat'ed.
 *
 * @param key          its key in the bucket
 * @param size         bytes
 * @param lastModified when it was last written
 */
public record ObjectInfo(String key, long size, Instant lastModified) {
}
