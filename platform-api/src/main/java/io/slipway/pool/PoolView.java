package io.slipway.pool;

import io.slipway.compute.Resources;
import java.time.Instant;
import java.util.List;

/**
 * A pool as {@code GET /api/v1/pools} shows it: its definition, its whole capacity, what runs use of it now and
 * how many runs wait for it. Figures only, never whose runs they are.
 */
public record PoolView(String name, String backend, String accelerator, int gpusPerNode, int nodes,
                       double cpusPerNode, long memoryMibPerNode, List<String> purposes, Amount capacity, Amount inUse,
                       int runsRunning, int runsQueued, Instant createdAt) {

    /** CPUs, MiB and GPUs. */
    public record Amount(double cpus, long memoryMib, int gpus) {
        public static Amount of(Resources resources) {
            return new Amount(resources.cpuMillis() / 1000.0, resources.memoryMib(), resources.gpus());
        }
    }

    static PoolView of(ComputePool pool, PoolUsage.Load load) {
        PoolDefinition d = pool.definition();
        return new PoolView(d.name(), d.backend().label(), d.accelerator(), d.gpusPerNode(), d.nodes(),
                d.cpuMillisPerNode() / 1000.0, d.memoryMibPerNode(), d.purposes(), Amount.of(pool.capacity()),
                Amount.of(load.inUse()), load.running(), load.queued(), pool.createdAt());
    }
}
