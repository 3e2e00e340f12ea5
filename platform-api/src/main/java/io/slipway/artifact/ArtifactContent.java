package io.slipway.artifact;

import io.slipway.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Reading stored artifacts: streamed, or through a short-lived presigned URL straight from the store. */
@ApplicationScoped
public class ArtifactContent {

    static final Duration PRESIGN_EXPIRY = Duration.ofMinutes(5);

    private final ObjectStore store;

    @Inject
    public ArtifactContent(ObjectStore store) {
        this.store = store;
    }

    protected ArtifactContent() {
        this(null);
    }

    /** Opens the content; the caller must have checked access and must close the stream. */
    public InputStream open(UUID orgId, String key) {
        return store.open(store.bucketFor(orgId), key);
    }

    public PresignedUrl presign(UUID orgId, String key, String downloadName) {
        Instant expiresAt = Instant.now().plus(PRESIGN_EXPIRY);
        URI url = store.presignGet(store.bucketFor(orgId), key, PRESIGN_EXPIRY, downloadName);
        return new PresignedUrl(url, expiresAt);
    }

    /** A URL that downloads the content without a Slipway token until it expires. */
    public record PresignedUrl(URI url, Instant expiresAt) {
    }
}
