package io.slipway.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A deployment's requests over a window, as the console charts them: totals, per version, and one bucket per
 * step of the window (empty steps included). Latency percentiles are the upper bound of the histogram class they
 * fall in (classes from 0.5 ms to 10 s), or the slowest request in it when that is lower; null without requests.
 */
public record DeploymentMetricsView(String deployment, String window, long bucketSeconds, Instant from, Instant to,
                                    Totals totals, List<VersionTotals> versions, List<Bucket> series) {

    public record Totals(long requests, long errors, Double p50Ms, Double p95Ms, Double p99Ms) {
    }

    /** @param version null for requests refused before any version answered */
    public record VersionTotals(Integer version, long requests, long errors, Double p50Ms, Double p99Ms) {
    }

    /** @param byVersion requests per version that answered ({@code none}: refused before any did) */
    public record Bucket(Instant start, long requests, long errors, Double p50Ms, Double p99Ms,
                         Map<String, Long> byVersion) {
    }
}
