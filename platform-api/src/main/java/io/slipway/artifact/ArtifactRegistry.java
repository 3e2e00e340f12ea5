package io.slipway.artifact;

import io.slipway.auth.Caller;
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
 */
@ApplicationScoped
public class ArtifactRegistry {

    private final ArtifactRepository artifacts;
    private final OrganizationRepository organizations;

    @Inject
    public ArtifactRegistry(ArtifactRepository artifacts, OrganizationRepository organizations) {
        this.artifacts = artifacts;
        this.organizations = organizations;
    }

    protected ArtifactRegistry() {
        this(null, null);
    }

    public Artifact register(UUID orgId, ReceivedArtifact received, Caller caller) {
        organizations.lock(orgId);
        return artifacts.findBySha256(received.sha256()).orElseGet(() -> {
            Artifact artifact = new Artifact(received.sha256(), received.size(), received.key(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS), caller.userId());
            artifacts.store(artifact);
            return artifact;
        });
    }
}
