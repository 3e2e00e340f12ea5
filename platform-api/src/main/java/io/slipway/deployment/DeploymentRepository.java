package io.slipway.deployment;

import io.slipway.api.ProblemException;
import io.slipway.project.ProjectContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Deployments and their status in the current organization (tenant-scoped). */
public interface DeploymentRepository {

    void store(Deployment deployment);

    void store(DeploymentStatus status);

    Optional<Deployment> findByName(UUID projectId, String name);

    /** The project's deployment of that name, or the 404 every path answers for one it does not have. */
    default Deployment require(ProjectContext context, String name) {
        return findByName(context.project().id(), name).orElseThrow(() -> ProblemException.notFound(
                "Deployment '" + name + "' not found in project '" + context.project().slug() + "'."));
    }

    Optional<Deployment> findById(UUID deploymentId);

    Optional<DeploymentStatus> status(UUID deploymentId);

    /** A project's deployments by name, after {@code afterName}. */
    List<Deployment> page(UUID projectId, Optional<String> afterName, int limit);

    /** Every deployment of the project (the ones a promotion in it may switch). */
    List<Deployment> inProject(UUID projectId);

    /** Every deployment of every organization, as (organization, deployment) ids: for the platform scope only. */
    List<DeploymentRef> all();

    /** Which deployment of which organization. */
    /**
     * What changes when any server changes what a deployment serves: how many deployments there are, the newest
     * deployment change and the newest stage change, of every organization (platform scope only).
     */
    Watermark watermark();

    /** See {@link #watermark()}; equal watermarks mean nothing to reconcile. */
    record Watermark(long deployments, Optional<java.time.Instant> deploymentChanged,
                     Optional<java.time.Instant> stageChanged) {
    }

    record DeploymentRef(UUID orgId, UUID deploymentId) {
    }

    /** Removes the deployment and its status. */
    void remove(Deployment deployment);
}
