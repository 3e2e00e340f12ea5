package io.slipway.deployment;

import java.util.UUID;

/** A deployment was created, changed or removed: fired in the change's transaction, acted on after it commits. */
public record DeploymentChanged(UUID orgId, UUID deploymentId) {
}
