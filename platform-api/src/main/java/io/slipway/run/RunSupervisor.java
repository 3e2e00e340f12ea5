package io.slipway.run;

import io.slipway.audit.AuditEntry;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Actor;
import io.slipway.compute.Admission;
import io.slipway.compute.LocalProcess;
import io.slipway.compute.Quota;
import io.slipway.compute.Resources;
import io.slipway.persistence.SchemaMigrated;
import io.slipway.pool.ComputePool;
import io.slipway.pool.OrgQuota;
import io.slipway.pool.PoolBackend;
import io.slipway.pool.PoolRepository;
import io.slipway.project.Project;
import io.slipway.project.ProjectRepository;
import io.slipway.tenancy.Organization;
import io.slipway.tenancy.OrganizationRepository;
import io.slipway.tenancy.Tenancy;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission and supervision of local runs on this server. Admission runs when a run is queued or ends (after the
 * commit) and every few seconds: per local pool, {@link Admission} picks who starts (FIFO per organization, fair
 * share across them, quotas, free capacity); each admitted run is marked RUNNING with its audit event and started.
 * Every second the supervisor writes each running run's new log lines to object storage, its heartbeat, and ends
 * the runs someone cancelled (on whichever server). A run whose server is gone (restarted or dead: its heartbeat
 * stopped) is marked FAILED with reason {@code platform restarted}, and a process group it left is ended.
 */
@ApplicationScoped
public class RunSupervisor {

    static final Actor ADMISSION = new Actor.Platform("admission");
    static final String RESTARTED = "platform restarted";
    private static final Logger LOG = Logger.getLogger(RunSupervisor.class.getName());
    private static final Duration ORPHANED_AFTER = Duration.ofSeconds(30);

    private final Tenancy tenancy;
    private final RunRepository runs;
    private final PoolRepository pools;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final AuditLog audit;
    private final LocalRuns local;
    private final boolean localEnabled;

    @Resource
    ManagedThreadFactory threadFactory;

    private volatile ScheduledExecutorService executor;
    private final Object admissionLock = new Object();

    @Inject
    public RunSupervisor(Tenancy tenancy, RunRepository runs, PoolRepository pools,
                         OrganizationRepository organizations, ProjectRepository projects, AuditLog audit,
                         LocalRuns local, LocalRunsPolicy policy) {
        this.tenancy = tenancy;
        this.runs = runs;
        this.pools = pools;
        this.organizations = organizations;
        this.projects = projects;
        this.audit = audit;
        this.local = local;
        this.localEnabled = policy.enabled();
    }

    protected RunSupervisor() {
        this.tenancy = null;
        this.runs = null;
        this.pools = null;
        this.organizations = null;
        this.projects = null;
        this.audit = null;
        this.local = null;
        this.localEnabled = false;
    }

    synchronized void start(@Observes SchemaMigrated migrated) {
        ScheduledExecutorService started = Executors.newScheduledThreadPool(2, threadFactory);
        started.execute(this::recoverOrphans);
        started.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        started.scheduleWithFixedDelay(this::admitQuietly, 3, 3, TimeUnit.SECONDS);
        executor = started;
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunEvents.QueueChanged change) {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.execute(this::admitQuietly);
        }
    }

    void cancelRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunEvents.CancelRequested cancel) {
        local.active(cancel.runId()).ifPresent(run -> local.end(run, RunState.CANCELLED, "cancelled"));
    }

    private void admitQuietly() {
        try {
            admit();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Admission failed; it runs again in a few seconds", e);
        }
    }

    /** One admission pass over the local pools. */
    void admit() {
        if (!localEnabled) {
            return;
        }
        synchronized (admissionLock) {
            List<Admission.Decision> decisions = new ArrayList<>();
            Map<UUID, UUID> orgOfRun = new HashMap<>();
            tenancy.asPlatform(() -> {
                for (ComputePool pool : pools.all()) {
                    if (pool.backend() != PoolBackend.LOCAL) {
                        continue;
                    }
                    List<Run> queued = runs.inState(pool.name(), RunState.QUEUED);
                    if (queued.isEmpty()) {
                        continue;
                    }
                    decisions.add(decide(pool, queued, orgOfRun));
                }
                return null;
            });
            for (Admission.Decision decision : decisions) {
                decision.waiting().forEach((runId, reason) -> tenancy.asSystemIn(orgOfRun.get(runId), () -> {
                    runs.findById(runId).filter(run -> run.state() == RunState.QUEUED)
                            .filter(run -> !run.queueReason().orElse("").equals(reason))
                            .ifPresent(run -> run.waitFor(reason));
                    return null;
                }));
                for (UUID runId : decision.admitted()) {
                    start(orgOfRun.get(runId), runId);
                }
            }
        }
    }

    private Admission.Decision decide(ComputePool pool, List<Run> queued, Map<UUID, UUID> orgOfRun) {
        Map<UUID, Admission.Usage> usage = new HashMap<>();
        Instant now = Instant.now();
        Instant monthStart = io.slipway.pool.PoolService.monthStart();
        for (Run run : runs.gpuRunsSince(monthStart)) {
            if (run.pool().equals(pool.name())) {
                Admission.Usage current = usage.getOrDefault(run.orgId(), Admission.Usage.NONE);
                usage.put(run.orgId(), new Admission.Usage(current.inUse(), current.runs(),
                        current.gpuHoursThisMonth() + run.gpuHoursSince(monthStart, now)));
            }
        }
        Resources inUse = Resources.NONE;
        for (Run run : runs.inState(pool.name(), RunState.RUNNING)) {
            inUse = inUse.plus(run.resources());
            Admission.Usage current = usage.getOrDefault(run.orgId(), Admission.Usage.NONE);
            usage.put(run.orgId(), new Admission.Usage(current.inUse().plus(run.resources()), current.runs() + 1,
                    current.gpuHoursThisMonth()));
        }
        Map<UUID, Quota> quotas = new HashMap<>();
        for (OrgQuota quota : pools.quotasOn(pool.name())) {
            quotas.put(quota.orgId(), quota.limits());
        }
        Map<UUID, String> names = new HashMap<>();
        List<Admission.Candidate> candidates = new ArrayList<>();
        for (Run run : queued) {
            orgOfRun.put(run.id(), run.orgId());
            String name = names.computeIfAbsent(run.orgId(), id -> organizations.findById(id)
                    .map(Organization::slug).orElse(id.toString()));
            candidates.add(new Admission.Candidate(run.id(), run.orgId(), name, run.createdAt(), run.resources()));
        }
        return Admission.decide(pool.name(), pool.capacity(), pool.capacity().minus(inUse), candidates, usage, quotas);
    }

    /** Marks the run RUNNING on this server (unless another took it meanwhile) and starts it once that commits. */
    private void start(UUID orgId, UUID runId) {
        String token = RunTokens.newToken();
        boolean admitted;
        try {
            admitted = tenancy.asSystemIn(orgId, () -> {
                Optional<Run> found = runs.findById(runId).filter(run -> run.state() == RunState.QUEUED);
                found.ifPresent(run -> {
                    run.admit(RunnerName.THIS_SERVER, RunTokens.hash(token), RunService.now());
                    Project project = projects.findById(run.projectId()).orElseThrow();
                    audit.record(orgId, ADMISSION, new AuditEntry("run.started", "run", run.id().toString(),
                            project.id(), project.slug(), null, Map.of("pool", run.pool(),
                            "runner", RunnerName.THIS_SERVER)));
                });
                return found.isPresent();
            });
        } catch (RuntimeException raced) {
            LOG.log(Level.FINE, "Run " + runId + " was admitted elsewhere", raced);
            return;
        }
        if (admitted) {
            local.launch(orgId, runId, token);
        }
    }

    /** Every second: logs to object storage, heartbeats, cancels; every 10 s, orphans of dead servers. */
    private void tick() {
        for (LocalRuns.Active run : local.all()) {
            try {
                local.flushLog(run);
                boolean cancel = tenancy.asSystemIn(run.orgId, () -> runs.findById(run.runId)
                        .filter(row -> row.state() == RunState.RUNNING).map(row -> {
                    row.heartbeat(RunService.now());
                    row.logged(run.log.chunks(), run.log.storedBytes(), run.log.truncated());
                    return row.cancelRequested();
                }).orElse(false));
                if (cancel) {
                    local.end(run, RunState.CANCELLED, "cancelled");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Supervising run " + run.runId + " failed this second", e);
            }
        }
        if (Instant.now().getEpochSecond() % 10 == 0) {
            recoverOrphans();
        }
    }

    /** Ends, as FAILED, running local runs whose server is gone; a process group left on this host is ended. */
    void recoverOrphans() {
        try {
            List<Run> orphans = tenancy.asPlatform(() -> runs.running().stream().filter(this::orphaned).toList());
            for (Run orphan : orphans) {
                orphan.processId().ifPresent(pid -> orphan.processStartedAt()
                        .filter(start -> RunnerName.pidOnThisHost(orphan.runner().orElse(null)).isPresent())
                        .ifPresent(start -> LocalProcess.killLeftover(pid, start)));
                tenancy.asSystemIn(orphan.orgId(), () -> {
                    runs.findById(orphan.id()).filter(run -> run.state() == RunState.RUNNING).ifPresent(run -> {
                        run.end(RunState.FAILED, null, RESTARTED, RunService.now());
                        Project project = projects.findById(run.projectId()).orElseThrow();
                        audit.record(run.orgId(), LocalRuns.SUPERVISOR, new AuditEntry("run.ended", "run",
                                run.id().toString(), project.id(), project.slug(), null,
                                Map.of("state", "failed", "reason", RESTARTED)));
                    });
                    return null;
                });
                LOG.info(() -> "Run " + orphan.id() + " ended: its server (" + orphan.runner().orElse("?")
                        + ") is gone");
            }
            if (!orphans.isEmpty()) {
                admitQuietly();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for runs of servers that are gone", e);
        }
    }

    private boolean orphaned(Run run) {
        if (pools.findByName(run.pool()).map(ComputePool::backend).orElse(PoolBackend.LOCAL) != PoolBackend.LOCAL) {
            return false;
        }
        String runner = run.runner().orElse("");
        if (runner.equals(RunnerName.THIS_SERVER)) {
            return local.active(run.id()).isEmpty() && run.heartbeatAt()
                    .map(beat -> beat.isBefore(Instant.now().minus(ORPHANED_AFTER))).orElse(true);
        }
        Optional<Long> pid = RunnerName.pidOnThisHost(runner);
        if (pid.isPresent()) {
            return ProcessHandle.of(pid.get()).map(handle -> !handle.isAlive()).orElse(true);
        }
        return run.heartbeatAt().map(beat -> beat.isBefore(Instant.now().minus(ORPHANED_AFTER))).orElse(true);
    }
}
