package io.slipway.pool;

import java.util.Map;

/**
 * An organization's quota on one pool beside what it uses: GPUs and runs now, GPU-hours this month (in all and per
 * project). A limit that is {@code null} is none beyond the pool's capacity.
 */
public record QuotaView(String pool, Integer maxGpus, Integer maxConcurrentRuns, Double gpuHoursPerMonth,
                        int gpusInUse, int runsRunning, double gpuHoursThisMonth,
                        Map<String, Double> gpuHoursByProject) {
}
