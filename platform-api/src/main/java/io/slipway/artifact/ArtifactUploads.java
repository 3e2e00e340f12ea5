package io.slipway.artifact;

import io.slipway.api.FieldError;
import io.slipway.api.ProblemException;
import io.slipway.auth.LogSafe;
import io.slipway.storage.ArtifactTooLargeException;
import io.slipway.storage.DigestMismatchException;
import io.slipway.storage.ObjectStore;
import io.slipway.storage.StagedUpload;
import io.slipway.storage.StoredArtifact;
import io.slipway.storage.UploadInterruptedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The way every artifact enters Slipway: streamed (never held whole) into a temporary object of the
 * organization's bucket while its SHA-256 is computed and a {@link ContentCheck} watches; refused when too
 * large, empty or failing the check — leaving no object — and otherwise moved to its content key, where equal
 * bytes uploaded earlier are reused. An upload that declares its SHA-256 skips the temporary object: it is
 * written straight to its content key, and completed only if the digest is true and the checks pass.
 * Registering it (a version row) is the caller's next, separate step. From before its first byte until that
 * registration, the upload is marked in flight ({@link UploadsInFlight}), so garbage collection leaves it alone.
 */
@ApplicationScoped
public class ArtifactUploads {

    private static final Logger LOG = Logger.getLogger(ArtifactUploads.class.getName());

    private final ObjectStore store;
    private final ArtifactLimits limits;
    private final UploadsInFlight inFlight;

    @Inject
    public ArtifactUploads(ObjectStore store, ArtifactLimits limits, UploadsInFlight inFlight) {
        this.store = store;
        this.limits = limits;
        this.inFlight = inFlight;
    }

    protected ArtifactUploads() {
        this(null, null, null);
    }

    /**
     * Receives one upload, outside any transaction (its mark in flight must be committed before its first byte).
     * When the client declared the content's SHA-256, the bytes go straight to their content key (or, already
     * stored, are only read), and a different digest is refused.
     */
    public ReceivedArtifact receive(UUID orgId, String orgSlug, UploadBody body, ContentCheck check) {
        long limit = limits.maxBytes(orgSlug);
        if (body.declaredLength() > limit) {
            throw tooLarge(limit);
        }
        String bucket = store.bucketFor(orgId);
        store.ensureBucket(bucket);
        // marked before the first byte, so that garbage collection leaves what this upload writes
        UUID upload = inFlight.begin(orgId);
        try (check) {
            if (body.sha256().isPresent()) {
                inFlight.claim(orgId, upload, body.sha256().get());
                StoredArtifact stored = storeDeclared(bucket, body, limit, check);
                return new ReceivedArtifact(stored.sha256(), stored.size(), stored.key(), stored.reused(), upload);
            }
            StagedUpload staged = stage(bucket, body.content(), limit, check);
            try {
                accept(staged.size(), body.declaredLength(), check);
                inFlight.claim(orgId, upload, staged.sha256());
                StoredArtifact stored = store.promote(staged);
                return new ReceivedArtifact(stored.sha256(), stored.size(), stored.key(), stored.reused(), upload);
            } catch (RuntimeException rejected) {
                store.discard(staged);
                throw rejected;
            }
        } catch (RuntimeException | Error failed) {
            abandon(orgId, upload, failed);
            throw failed;
        }
    }

    private void abandon(UUID orgId, UUID upload, Throwable failure) {
        try {
            inFlight.abandon(orgId, upload);
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the mark expires on its own
        }
    }

    /** What every upload must pass before it is kept: complete, not empty, and the content check. */
    private static void accept(long size, long declaredLength, ContentCheck check) {
        if (declaredLength >= 0 && size != declaredLength) {
            // the client announced more (or fewer) bytes than arrived: a broken-off request
            throw interrupted();
        }
        if (size == 0) {
            throw ProblemException.badRequest("empty-upload", "The upload is empty: send the file's bytes.");
        }
        check.verify();
    }

    private StoredArtifact storeDeclared(String bucket, UploadBody body, long limit, ContentCheck check) {
        String declared = body.sha256().orElseThrow();
        try {
            return store.store(bucket, declared, body.content(), limit, check.tee(),
                    size -> accept(size, body.declaredLength(), check));
        } catch (DigestMismatchException e) {
            throw ProblemException.badRequest("digest-mismatch", "The file's SHA-256 is " + e.actual()
                    + ", not the " + declared + " the request declared; nothing was stored.",
                    new FieldError("sha256", "does not match the file's content"));
        } catch (ArtifactTooLargeException e) {
            throw tooLarge(limit);
        } catch (UploadInterruptedException e) {
            LOG.info(() -> "Upload into " + bucket + " broke off: " + LogSafe.of(e.getMessage()));
            throw interrupted();
        }
    }

    private StagedUpload stage(String bucket, InputStream body, long limit, ContentCheck check) {
        try {
            return store.stage(bucket, body, limit, check.tee());
        } catch (ArtifactTooLargeException e) {
            throw tooLarge(limit);
        } catch (UploadInterruptedException e) {
            LOG.info(() -> "Upload into " + bucket + " broke off: " + LogSafe.of(e.getMessage()));
            throw interrupted();
        }
    }

    private static ProblemException interrupted() {
        return ProblemException.badRequest("upload-interrupted",
                "The upload stopped before the body was complete; nothing was stored.");
    }

    private static ProblemException tooLarge(long limit) {
        return ProblemException.payloadTooLarge("Artifacts in this organization are limited to "
                + ArtifactLimits.describe(limit) + " (" + limit + " bytes).");
    }
}
