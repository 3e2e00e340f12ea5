package io.slipway.artifact;

import io.slipway.storage.ObjectStore;
import java.util.UUID;

/**
 * Where a version's bytes are and how to hand them out, decided after an access check.
 *
 * @param downloadName the file name offered to the downloader (already harmless)
 */
public record StoredContent(UUID orgId, String sha256, long sizeBytes, String mediaType, String downloadName) {

    /** Where the bytes are in the organization's bucket. */
    public String key() {
        return ObjectStore.contentKey(sha256);
    }
}
