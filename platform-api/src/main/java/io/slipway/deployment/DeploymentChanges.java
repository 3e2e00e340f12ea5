package io.slipway.deployment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Changes to a deployment ({@code PATCH}); an absent field keeps its value. Giving {@code stage} makes a pinned
 * deployment follow that stage; giving {@code version} pins one (not both). The name and the model never change.
 */
public record DeploymentChanges(String stage, Integer version, String pool, Integer replicas, BatchingInput batching,
                                Boolean viewersMayInfer,
                                @DecimalMin(value = "0", message = "must be between 0 and 1")
                                @DecimalMax(value = "1", message = "must be between 0 and 1")
                                Double payloadSampleRate) {
}
