package io.slipway.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.slipway.api.ProblemMapper;
import java.time.Instant;

/**
 * A deployment as the API shows it: what was set, what the runtime reports, and where to call it.
 *
 * @param stage          the stage it follows, or null when pinned
 * @param version        the pinned version, or null when it follows a stage
 * @param servingVersion the version answering requests now, if one is loaded
 * @param previousVersion the version kept loaded for an instant rollback
 * @param baseUrl        the project's Open Inference Protocol base path; the deployment is model {@code name} there
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentView(String name, String model, String stage, Integer version, String pool, int replicas,
                             Batching batching, boolean viewersMayInfer, double payloadSampleRate, String state,
                             String reason,
                             Integer servingVersion, Integer previousVersion, String baseUrl, String inferUrl,
                             Instant createdAt, String createdBy, Instant updatedAt) {

    /** Micro-batching as it is set. */
    public record Batching(boolean enabled, int maxBatchSize, long maxDelayMs) {
    }

    static DeploymentView of(Deployment deployment, String modelName, DeploymentStatus status, String orgSlug,
                             String projectSlug) {
        ServingSettings settings = deployment.settings();
        String baseUrl = "/api/v1/orgs/" + orgSlug + "/projects/" + projectSlug + ProblemMapper.INFERENCE_PROTOCOL_PATH;
        Deployment.DeploymentTarget target = deployment.target();
        return new DeploymentView(deployment.name(), modelName, target.stage().map(s -> s.label()).orElse(null),
                target.pinnedVersion().isPresent() ? target.pinnedVersion().getAsInt() : null,
                settings.pool(), settings.replicas(),
                new Batching(settings.batching().enabled(), settings.batching().maxBatchSize(),
                        settings.batching().maxDelay().toMillis()),
                settings.viewersMayInfer(), settings.payloadSampleRate(), status.state().label(), status.reason().orElse(null),
                status.servingVersion().isPresent() ? status.servingVersion().getAsInt() : null,
                status.previousVersion().isPresent() ? status.previousVersion().getAsInt() : null,
                baseUrl, baseUrl + "/models/" + deployment.name() + "/infer",
                deployment.createdAt(), deployment.createdBy(), deployment.updatedAt());
    }
}
