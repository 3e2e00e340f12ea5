package io.slipway.serving;

import java.time.Duration;
import java.util.Objects;

/**
 * A deployment's micro-batching: concurrent requests are stacked along their first (batch) dimension into one run
 * of up to {@code maxBatchSize} rows, waiting at most {@code maxDelay} for the batch to fill. Off by default.
 */
public record BatchingSettings(boolean enabled, int maxBatchSize, Duration maxDelay) {

    /** The longest delay a deployment may ask for: batching trades latency for throughput, within reason. */
    public static final Duration LONGEST_DELAY = Duration.ofMillis(100);

    public BatchingSettings {
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, not " + maxBatchSize);
        }
        if (maxDelay.isNegative() || maxDelay.compareTo(LONGEST_DELAY) > 0) {
            throw new IllegalArgumentException("maxDelay must be between 0 and " + LONGEST_DELAY.toMillis() + " ms");
        }
    }

    /** No batching: each request runs on its own. */
    public static BatchingSettings off() {
        return new BatchingSettings(false, 1, Duration.ZERO);
    }

    /** Batches of up to {@code maxBatchSize} rows, waiting up to {@code maxDelay}. */
    public static BatchingSettings upTo(int maxBatchSize, Duration maxDelay) {
        return new BatchingSettings(true, maxBatchSize, maxDelay);
    }
}
