package io.slipway.run;

import io.slipway.compute.Resources;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One run: what was asked (spec, pool, resources, timeout), where it stands, and how it ended. */
@Entity
@Table(name = "runs")
public class Run {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(length = 128, updatable = false)
    private String name;

    @Column(nullable = false, updatable = false, length = 63)
    private String pool;

    @Column(nullable = false, updatable = false, length = 100_000)
    private String spec;

    @Column(name = "cpu_millis", nullable = false, updatable = false)
    private long cpuMillis;

    @Column(name = "memory_mib", nullable = false, updatable = false)
    private long memoryMib;

    @Column(nullable = false, updatable = false)
    private int gpus;

    @Column(name = "timeout_seconds", nullable = false, updatable = false)
    private long timeoutSeconds;

    @Convert(converter = RunState.Column.class)
    @Column(nullable = false, length = 16)
    private RunState state;

    @Column(name = "queue_reason", length = 500)
    private String queueReason;

    @Column(name = "exit_code")
    private Integer exitCode;

    @Column(length = 2000)
    private String reason;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "created_by_name", nullable = false, updatable = false)
    private String createdByName;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column
    private String runner;

    @Column(name = "process_id")
    private Long processId;

    @Column(name = "process_started_at")
    private Instant processStartedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "log_chunks", nullable = false)
    private int logChunks;

    @Column(name = "log_bytes", nullable = false)
    private long logBytes;

    @Column(name = "log_truncated", nullable = false)
    private boolean logTruncated;

    @Column(name = "output_models", length = 4000)
    private String outputModels;

    @Version
    private long version;

    protected Run() {
    }

    public Run(UUID projectId, int number, String name, String pool, String spec, Resources resources,
               Duration timeout, String tokenHash, Instant now, String createdBy, String createdByName) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.number = number;
        this.name = name;
        this.pool = pool;
        this.spec = spec;
        this.cpuMillis = resources.cpuMillis();
        this.memoryMib = resources.memoryMib();
        this.gpus = resources.gpus();
        this.timeoutSeconds = timeout.toSeconds();
        this.tokenHash = tokenHash;
        this.state = RunState.QUEUED;
        this.createdAt = now;
        this.createdBy = createdBy;
        this.createdByName = createdByName;
    }

    /** Admitted: this server ({@code runner}) starts it now. */
    public void admit(String runner, String tokenHash, Instant now) {
        this.tokenHash = tokenHash;
        this.state = RunState.RUNNING;
        this.runner = runner;
        this.startedAt = now;
        this.heartbeatAt = now;
        this.queueReason = null;
    }

    /**
     * Handed to a cluster ({@code runner}) whose scheduler admits it; it stays queued, for the reason given, until
     * it does.
     */
    public void submitted(String runner, String tokenHash, String reason) {
        this.runner = runner;
        this.tokenHash = tokenHash;
        this.queueReason = reason;
    }

    /** Its cluster admitted it: it runs from now. */
    public void running(Instant now) {
        this.state = RunState.RUNNING;
        this.startedAt = now;
        this.heartbeatAt = now;
        this.queueReason = null;
    }

    public void waitFor(String reason) {
        this.queueReason = reason;
    }

    public void started(long pid, Instant processStart) {
        this.processId = pid;
        this.processStartedAt = processStart;
    }

    /** Another runner takes it over (a server collecting a cluster run's outputs), from {@code now}. */
    public void handedTo(String runner, Instant now) {
        this.runner = runner;
        this.heartbeatAt = now;
    }

    public void heartbeat(Instant now) {
        this.heartbeatAt = now;
    }

    public void requestCancel() {
        this.cancelRequested = true;
    }

    public void end(RunState end, Integer exitCode, String reason, Instant now) {
        if (!end.ended()) {
            throw new IllegalArgumentException(end + " is not an end");
        }
        this.state = end;
        this.exitCode = exitCode;
        this.reason = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
        this.endedAt = now;
        this.queueReason = null;
    }

    public void logged(int chunks, long bytes, boolean truncated) {
        this.logChunks = chunks;
        this.logBytes = bytes;
        this.logTruncated = truncated;
    }

    /** The model versions its outputs became, {@code name:version}. */
    public void produced(java.util.List<String> modelVersions) {
        this.outputModels = String.join(",", modelVersions);
    }

    public java.util.List<String> outputModels() {
        return outputModels == null || outputModels.isEmpty() ? java.util.List.of()
                : java.util.List.of(outputModels.split(","));
    }

    public UUID id() {
        return id;
    }

    public UUID orgId() {
        return orgId;
    }

    public UUID projectId() {
        return projectId;
    }

    public int number() {
        return number;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public String pool() {
        return pool;
    }

    public String spec() {
        return spec;
    }

    public Resources resources() {
        return new Resources(cpuMillis, memoryMib, gpus);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public RunState state() {
        return state;
    }

    public Optional<String> queueReason() {
        return Optional.ofNullable(queueReason);
    }

    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public String createdByName() {
        return createdByName;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<String> runner() {
        return Optional.ofNullable(runner);
    }

    public Optional<Long> processId() {
        return Optional.ofNullable(processId);
    }

    public Optional<Instant> processStartedAt() {
        return Optional.ofNullable(processStartedAt);
    }

    public Optional<Instant> heartbeatAt() {
        return Optional.ofNullable(heartbeatAt);
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public int logChunks() {
        return logChunks;
    }

    public long logBytes() {
        return logBytes;
    }

    public boolean logTruncated() {
        return logTruncated;
    }

    /** GPU-hours used from {@code since} (or its start, if later) up to {@code now} (or its end). */
    public double gpuHoursSince(Instant since, Instant now) {
        if (gpus == 0 || startedAt == null) {
            return 0;
        }
        Instant from = startedAt.isAfter(since) ? startedAt : since;
        Instant until = endedAt != null ? endedAt : now;
        return until.isAfter(from) ? gpus * Duration.between(from, until).toMillis() / 3_600_000.0 : 0;
    }
}
