package io.slipway.compute;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** An organization's limits on one pool; an empty limit is no limit beyond the pool's capacity. */
public record Quota(OptionalInt maxGpus, OptionalInt maxConcurrentRuns, OptionalDouble gpuHoursPerMonth) {

    public static final Quota NONE = new Quota(OptionalInt.empty(), OptionalInt.empty(), OptionalDouble.empty());
}
