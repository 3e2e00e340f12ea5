package io.slipway.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs and their metrics. Queue and runner queries are for platform scope (they span organizations). */
public interface RunRepository {

    void store(Run run);

    void store(RunMetric metric);

    /** A run of the project (tenant scope). */
    Optional<Run> find(UUID projectId, UUID runId);

    /** A run by id alone: for the run token's own run and for background work (platform scope). */
    Optional<Run> findById(UUID runId);

    Optional<Run> findByTokenHash(String tokenHash);

    /** The project's runs, newest first, below {@code beforeNumber}. */
    List<Run> page(UUID projectId, Optional<Integer> beforeNumber, int limit);

    int nextNumber(UUID projectId);

    /** Runs in one state on the pool, oldest first (platform scope). */
    List<Run> inState(String pool, RunState state);

    /** Running runs on every pool (platform scope). */
    List<Run> running();

    /** Running runs of the organization (tenant scope). */
    List<Run> runningOf(UUID orgId);

    /** How many runs wait on each pool (platform scope). */
    java.util.Map<String, Long> queuedCounts();

    /** Queued runs of the organization on the pool queued before {@code createdAt}. */
    long queuedAhead(UUID orgId, String pool, Instant createdAt);

    /** The organization's runs that used GPUs since {@code since} or still run (tenant scope). */
    List<Run> gpuRunsSince(Instant since);

    Optional<RunMetric> metric(UUID runId, String name, long step);

    /** The run's metric points by name, then step. */
    List<RunMetric> metrics(UUID runId);
}
