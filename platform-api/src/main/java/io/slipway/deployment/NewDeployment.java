package io.slipway.deployment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import io.slipway.api.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Request to deploy a model.
 *
 * @param name            the deployment's name, also its model name on the Open Inference Protocol's paths
 * @param model           the registered model's name
 * @param stage           {@code production} or {@code staging}: follow that stage's holder; or give
 * @param version         a version number to pin (exactly one of stage and version)
 * @param pool            the compute pool (default {@code local})
 * @param replicas        serving replicas (default 1)
 * @param batching        micro-batching (default off)
 * @param viewersMayInfer whether project viewers may call it (default false)
 * @param payloadSampleRate the share of requests whose bodies the request log keeps, 0 to 1 (default 0: none)
 */
public record NewDeployment(
        @NotBlank(message = "is required") @Pattern(regexp = Slug.PATTERN, message = Slug.MESSAGE) String name,
        @NotBlank(message = "is required") String model,
        String stage,
        Integer version,
        String pool,
        Integer replicas,
        BatchingInput batching,
        Boolean viewersMayInfer,
        @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1") Double payloadSampleRate) {
}
