package io.slipway.artifact;

import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.storage.ObjectStore;
import io.slipway.tenancy.OrganizationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Registers received artifacts, inside the caller's transaction and tenant scope. It first locks the
 * organization's row, so that registrations in one organization happen one at a time: find-or-create of
 * artifacts and datasets/models and the choice of version numbers are then free of races (ten concurrent
 * uploads get ten distinct numbers). The lock is held only for the short registration transaction.
 *
 * <p>The garbage collector deletes content that no artifact row names and no upload in flight claims, under the
 * same lock. An upload whose bytes were already stored may have found an object that no row names yet (left by a
 * failed registration): its claim normally protects it, and if the claim had expired, under the lock it checks
 * that the object is still there before naming it, so it either registers it before the collector looks (which
 * then keeps it) or finds it gone and registers nothing.
 */
@ApplicationScoped
public class ArtifactRegistry {

    private final ArtifactRepository artifacts;
    private final OrganizationRepository organizations;
    private final ObjectStore store;
    private final UploadsInFlight inFlight;

    @Inject
    public ArtifactRegistry(ArtifactRepository artifacts, OrganizationRepository organizations, ObjectStore store,
                            UploadsInFlight inFlight) {
        this.artifacts = artifacts;
        this.organizations = organizations;
        this.store = store;
        this.inFlight = inFlight;
    }

    protected ArtifactRegistry() {
        this(null, null, null, null);
    }

    /** Registers the artifact, and ends the upload's mark in the same transaction. */
    public Artifact register(UUID orgId, ReceivedArtifact received, Caller caller) {
        organizations.lock(orgId);
        inFlight.end(received.upload());
        return artifacts.findBySha256(received.sha256()).orElseGet(() -> {
            // this upload's claim protects what it stored; only content older than a mark's lifetime can be gone
            if (received.reused() && store.stat(store.bucketFor(orgId), received.key()).isEmpty()) {
                throw ProblemException.conflict("content-collected", "The stored copy of these bytes was removed "
                        + "as garbage while this upload was being registered; nothing was registered. Upload again.");
            }
            Artifact artifact = new Artifact(received.sha256(), received.size(), received.key(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS), caller.userId());
            artifacts.store(artifact);
            return artifact;
        });
    }
}
