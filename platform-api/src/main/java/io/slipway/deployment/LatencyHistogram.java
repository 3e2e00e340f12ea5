package io.slipway.deployment;

import java.util.Arrays;

/**
 * Request latencies counted in fixed classes, for percentiles over a window without keeping every request: the
 * request log is grouped by class in the database and the counts land here.
 */
final class LatencyHistogram {

    /** Upper bounds of the classes, in microseconds; one more class holds everything slower. */
    static final long[] BOUNDS = {500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
            1_000_000, 2_500_000, 10_000_000};

    private final long[] counts = new long[BOUNDS.length + 1];
    private final long[] slowest = new long[BOUNDS.length + 1];
    private long total;

    /** The class of a latency, as the database computes it too ({@link #classExpression}). */
    static int classOf(long micros) {
        int at = Arrays.binarySearch(BOUNDS, micros);
        return at >= 0 ? at : -at - 1;
    }

    /** A query expression for the class of {@code path}'s latency in microseconds. */
    static String classExpression(String path) {
        StringBuilder expression = new StringBuilder("case");
        for (int i = 0; i < BOUNDS.length; i++) {
            expression.append(" when ").append(path).append(" <= ").append(BOUNDS[i]).append(" then ").append(i);
        }
        return expression.append(" else ").append(BOUNDS.length).append(" end").toString();
    }

    void add(int latencyClass, long count, long slowestMicros) {
        counts[latencyClass] += count;
        slowest[latencyClass] = Math.max(slowest[latencyClass], slowestMicros);
        total += count;
    }

    void addAll(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            add(i, other.counts[i], other.slowest[i]);
        }
    }

    long total() {
        return total;
    }

    /** The latency in milliseconds that {@code quantile} of the requests took at most; null without requests. */
    Double percentileMillis(double quantile) {
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                long micros = i < BOUNDS.length ? Math.min(BOUNDS[i], slowest[i]) : slowest[i];
                return micros / 1000.0;
            }
        }
        throw new IllegalStateException("counts do not add up to " + total);
    }
}
