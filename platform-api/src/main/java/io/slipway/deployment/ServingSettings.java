package io.slipway.deployment;

import io.slipway.serving.BatchingSettings;

/**
 * How a deployment is served: the compute pool, its replicas, micro-batching and whether project viewers may call
 * it (data scientists and above always may).
 */
public record ServingSettings(String pool, int replicas, BatchingSettings batching, boolean viewersMayInfer) {
}
