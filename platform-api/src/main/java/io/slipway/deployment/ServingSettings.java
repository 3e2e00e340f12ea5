package io.slipway.deployment;

import io.slipway.serving.BatchingSettings;

/**
 * How a deployment is served: the compute pool, its replicas, micro-batching, whether project viewers may call
 * it (data scientists and above always may) and the share of requests whose bodies the request log keeps.
 */
public record ServingSettings(String pool, int replicas, BatchingSettings batching, boolean viewersMayInfer,
                              double payloadSampleRate) {
}
