package io.slipway.run;

import java.time.Instant;

/** One point of a run's metric. */
public record RunMetricView(long step, double value, Instant at) {
}
