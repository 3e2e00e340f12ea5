package io.slipway.deployment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Deployments and their status in the current organization (tenant-scoped). */
public interface DeploymentRepository {

    void store(Deployment deployment);

    void store(DeploymentStatus status);

    Optional<Deployment> findByName(UUID projectId, String name);

    Optional<Deployment> findById(UUID deploymentId);

    Optional<DeploymentStatus> status(UUID deploymentId);

    /** A project's deployments by name, after {@code afterName}. */
    List<Deployment> page(UUID projectId, Optional<String> afterName, int limit);

    /** Every deployment of the project (the ones a promotion in it may switch). */
    List<Deployment> inProject(UUID projectId);

    /** Every deployment of every organization, as (organization, deployment) ids: for the platform scope only. */
    List<DeploymentRef> all();

    /** Which deployment of which organization. */
    record DeploymentRef(UUID orgId, UUID deploymentId) {
    }

    /** Removes the deployment and its status. */
    void remove(Deployment deployment);
}
