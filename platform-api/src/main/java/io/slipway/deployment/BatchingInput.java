package io.slipway.deployment;

/**
 * Micro-batching as the API takes it; an absent field keeps its value (or its default: off, 8 rows, 2 ms).
 *
 * @param maxBatchSize most rows in one batch (1 to 1024)
 * @param maxDelayMs   longest wait for a batch to fill, in milliseconds (0 to 100)
 */
public record BatchingInput(Boolean enabled, Integer maxBatchSize, Integer maxDelayMs) {
}
