package io.slipway.run;

import io.slipway.api.Json;
import io.slipway.audit.AuditEntry;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Actor;
import io.slipway.compute.Quota;
import io.slipway.compute.kubernetes.JobState;
import io.slipway.compute.kubernetes.KubernetesBackend;
import io.slipway.compute.kubernetes.Placement;
import io.slipway.compute.kubernetes.RunJob;
import io.slipway.dataset.DatasetVersions;
import io.slipway.persistence.SchemaMigrated;
import io.slipway.pool.Cluster;
import io.slipway.pool.ComputePool;
import io.slipway.pool.KueueSync;
import io.slipway.pool.OrgQuota;
import io.slipway.pool.Placements;
import io.slipway.pool.PoolBackend;
import io.slipway.pool.PoolRepository;
import io.slipway.pool.PoolService;
import io.slipway.project.Project;
import io.slipway.project.ProjectRepository;
import io.slipway.storage.ObjectStore;
import io.slipway.tenancy.Organization;
import io.slipway.tenancy.OrganizationRepository;
import io.slipway.tenancy.Tenancy;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs on kubernetes pools. Kueue admits them, not Slipway: a queued run is handed to the cluster at once as a
 * suspended Job in its organization's namespace, labelled for the organization's LocalQueue, and stays QUEUED
 * (reason: waiting for Kueue) until Kueue unsuspends it. Slipway holds back only what Kueue does not know, a
 * spent GPU-hours budget. Every few seconds it reads every Job it made (one list across namespaces) into its run:
 * admitted is RUNNING, ended is SUCCEEDED, FAILED or TIMED_OUT with the exit code; it copies the pod's new log
 * lines into the run's log chunks, and deletes the Jobs of cancelled runs. All of it is read from the cluster, so a
 * restarted Slipway picks its runs up where they are: nothing is re-attached by hand.
 */
@ApplicationScoped
public class KubernetesRuns {

    static final String RUNNER = "kubernetes";
    /** The runner while one server turns a succeeded Job's uploaded outputs into model versions. */
    static final String COLLECTING = "kubernetes:collecting";
    /** A collection not finished by then was cut short (its server died): it is done again. */
    private static final Duration COLLECTING_STALE = Duration.ofMinutes(15);
    static final Actor CLUSTER = new Actor.Platform("kubernetes");
    private static final Logger LOG = Logger.getLogger(KubernetesRuns.class.getName());
    /** The longest an S3 presigned URL lives: a run queued longer than this cannot fetch its inputs. */
    private static final Duration INPUT_URLS_LIVE = Duration.ofDays(7);

    private final Tenancy tenancy;
    private final RunRepository runs;
    private final PoolRepository pools;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final DatasetVersions datasets;
    private final ObjectStore store;
    private final AuditLog audit;
    private final Cluster cluster;
    private final KueueSync queues;
    private final RunOutputs outputs;
    private final Event<Object> events;
    private final Settings settings;

    /** What runs need from the configuration. */
    record Settings(String callbackUrl, String fetchImage, long logMaxBytes, Duration pollInterval) {
    }

    @Resource
    ManagedScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> polling;
    /** The logs of the runs being read, with the time of the last line taken from the cluster. */
    private final Map<UUID, Followed> followed = new ConcurrentHashMap<>();
    /** Organizations whose queues were brought in step since this server started (before their first Job). */
    private final Set<UUID> queuesReady = ConcurrentHashMap.newKeySet();
    private final Object passLock = new Object();

    private static final class Followed {
        final RunLog log;
        volatile Instant lastLine;

        Followed(RunLog log, Instant lastLine) {
            this.log = log;
            this.lastLine = lastLine;
        }
    }

    @Inject
    public KubernetesRuns(Tenancy tenancy, RunRepository runs, PoolRepository pools,
                          OrganizationRepository organizations, ProjectRepository projects, DatasetVersions datasets,
                          ObjectStore store, AuditLog audit, Cluster cluster, KueueSync queues, RunOutputs outputs,
                          Event<Object> events,
                          @ConfigProperty(name = "slipway.kubernetes.callback-url") Optional<String> callbackUrl,
                          @ConfigProperty(name = "slipway.runs.callback-url") Optional<String> runsCallbackUrl,
                          @ConfigProperty(name = "slipway.http.port", defaultValue = "8080") int httpPort,
                          @ConfigProperty(name = "slipway.kubernetes.fetch-image") Optional<String> fetchImage,
                          @ConfigProperty(name = "slipway.runs.log-max-bytes", defaultValue = "10485760")
                          long logMaxBytes,
                          @ConfigProperty(name = "slipway.kubernetes.poll-interval", defaultValue = "PT2S")
                          Duration pollInterval) {
        this.tenancy = tenancy;
        this.runs = runs;
        this.pools = pools;
        this.organizations = organizations;
        this.projects = projects;
        this.datasets = datasets;
        this.store = store;
        this.audit = audit;
        this.cluster = cluster;
        this.queues = queues;
        this.outputs = outputs;
        this.events = events;
        this.settings = new Settings(callbackUrl.or(() -> runsCallbackUrl).orElse("http://127.0.0.1:" + httpPort),
                fetchImage.orElse(null), logMaxBytes, pollInterval);
    }

    protected KubernetesRuns() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, Optional.empty(), Optional.empty(), 0,
                Optional.empty(), 0, Duration.ofSeconds(2));
    }

    synchronized void start(@Observes SchemaMigrated migrated) {
        long every = Math.max(100, settings.pollInterval().toMillis());
        polling = scheduler.scheduleWithFixedDelay(this::passQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunEvents.QueueChanged change) {
        scheduler.execute(this::passQuietly);
    }

    void cancelRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunEvents.CancelRequested cancel) {
        scheduler.execute(this::passQuietly);
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not bring kubernetes runs in step with the cluster; tried again in "
                    + settings.pollInterval(), e);
        }
    }

    /** One pass: hands queued runs to the cluster, then reads every run it has there. Nothing without such pools. */
    void pass() {
        List<ComputePool> kubernetes = tenancy.asPlatform(() -> pools.all().stream()
                .filter(pool -> pool.backend() == PoolBackend.KUBERNETES).toList());
        if (kubernetes.isEmpty()) {
            return;
        }
        synchronized (passLock) {
            for (ComputePool pool : kubernetes) {
                submitQueued(pool);
            }
            observe(kubernetes);
        }
    }

    private void submitQueued(ComputePool pool) {
        Placement placement = Placements.of(pool);
        List<Run> waiting = tenancy.asPlatform(() -> runs.inState(pool.name(), RunState.QUEUED).stream()
                .filter(run -> run.runner().isEmpty()).toList());
        for (Run run : waiting) {
            UUID orgId = run.orgId();
            Optional<String> spent = gpuHoursSpent(pool, run);
            if (spent.isPresent()) {
                waitFor(run, spent.get());
                continue;
            }
            if (!queuesReady.contains(orgId)) {
                try {
                    queues.sync(orgId);
                    queuesReady.add(orgId);
                } catch (RuntimeException unreachable) {
                    String described = "waiting for the cluster: " + cluster.describe(unreachable);
                    String reason = described.length() > 500 ? described.substring(0, 497) + "..." : described;
                    if (waitFor(run, reason)) {
                        LOG.warning(() -> "Run " + run.id() + " is " + reason);
                    }
                    continue;
                }
            }
            Optional<RunJob> claimed;
            try {
                claimed = claim(run.id(), orgId, pool, placement);
            } catch (RuntimeException raced) {
                LOG.log(Level.FINE, "Run " + run.id() + " was handed to the cluster elsewhere", raced);
                continue;
            }
            claimed.ifPresent(job -> {
                try {
                    cluster.backend().submit(job, placement);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Run " + run.id() + " could not be handed to the cluster", e);
                    end(orgId, run.id(), RunState.FAILED, null, "could not submit its Job to the cluster: "
                            + cluster.describe(e), null, List.of());
                }
            });
        }
    }

    /** Gives the queued run the reason it waits; false when it had that reason already. */
    private boolean waitFor(Run run, String reason) {
        return tenancy.asSystemIn(run.orgId(), () -> runs.findById(run.id())
                .filter(row -> row.state() == RunState.QUEUED && row.runner().isEmpty()
                        && !reason.equals(row.queueReason().orElse(null))).map(row -> {
                    row.waitFor(reason);
                    return true;
                }).orElse(false));
    }

    /** The reason the run waits when its organization spent its GPU-hours on the pool this month. */
    private Optional<String> gpuHoursSpent(ComputePool pool, Run run) {
        if (run.resources().gpus() == 0) {
            return Optional.empty();
        }
        return tenancy.asSystemIn(run.orgId(), () -> {
            Quota quota = pools.quota(run.orgId(), pool.name()).map(OrgQuota::limits).orElse(Quota.NONE);
            if (quota.gpuHoursPerMonth().isEmpty()) {
                return Optional.empty();
            }
            Instant monthStart = PoolService.monthStart();
            Instant now = Instant.now();
            double used = runs.gpuRunsSince(monthStart).stream().filter(other -> other.pool().equals(pool.name()))
                    .mapToDouble(other -> other.gpuHoursSince(monthStart, now)).sum();
            double limit = quota.gpuHoursPerMonth().getAsDouble();
            return used < limit ? Optional.empty() : Optional.of(String.format(java.util.Locale.ROOT,
                    "quota: %s has used %.1f of %.1f GPU-hours this month on %s", slug(run.orgId()), used, limit,
                    pool.name()));
        });
    }

    /**
     * Marks the run as handed to the cluster (unless another server did) with its audit event, and builds its Job:
     * its contract, its token, and presigned URLs of its inputs.
     */
    private Optional<RunJob> claim(UUID runId, UUID orgId, ComputePool pool, Placement placement) {
        String token = RunTokens.newToken();
        String org = slug(orgId);
        return tenancy.asSystemIn(orgId, () -> runs.findById(runId)
                .filter(run -> run.state() == RunState.QUEUED && run.runner().isEmpty()).map(run -> {
            RunSpec spec = Json.read(run.spec(), RunSpec.class);
            Project project = projects.findById(run.projectId()).orElseThrow();
            String queue = placement.localQueueOf(org);
            run.submitted(RUNNER, RunTokens.hash(token), "waiting for Kueue to admit it to queue " + queue
                    + " (namespace " + placement.namespaceOf(org) + ")");
            audit.record(orgId, RunSupervisor.ADMISSION, new AuditEntry("run.submitted", "run", run.id().toString(),
                    project.id(), project.slug(), null, Map.of("pool", pool.name(), "queue", queue,
                    "namespace", placement.namespaceOf(org))));
            Map<String, String> env = new HashMap<>(spec.env() == null ? Map.of() : spec.env());
            env.put("SLIPWAY_URL", settings.callbackUrl());
            env.put("SLIPWAY_OUTPUTS_URL", RunOutputs.uploadsUrl(settings.callbackUrl(), run.id()));
            env.put("SLIPWAY_PROJECT", project.slug());
            if (spec.params() != null) {
                env.put("SLIPWAY_PARAMS", Json.write(spec.params()));
            }
            return new RunJob(run.id(), org, project.slug(), run.number(), spec.image(), spec.commandLine(),
                    List.of(), env, token, run.resources(), run.timeout(), stageInputs(orgId, run, spec),
                    settings.fetchImage(), stageBundle(orgId, spec));
        }));
    }

    /** A presigned URL of the run's code bundle, if it has one. */
    private RunJob.StagedBundle stageBundle(UUID orgId, RunSpec spec) {
        if (spec.codeBundle() == null) {
            return null;
        }
        String bucket = store.bucketFor(orgId);
        return new RunJob.StagedBundle(store.presignGet(bucket, ObjectStore.contentKey(spec.codeBundle().sha256()),
                INPUT_URLS_LIVE, "bundle." + spec.codeBundle().format()), spec.codeBundle().format());
    }

    /** Presigned URLs of the run's input files and of its {@code inputs.json} (written to the store for it). */
    private List<RunJob.StagedInput> stageInputs(UUID orgId, Run run, RunSpec spec) {
        List<Map<String, Object>> manifest = RunInputs.manifest(datasets, run, spec);
        if (manifest.isEmpty()) {
            return List.of();
        }
        String bucket = store.bucketFor(orgId);
        store.ensureBucket(bucket);
        List<RunJob.StagedInput> staged = new ArrayList<>();
        for (Map<String, Object> entry : manifest) {
            String fileName = (String) entry.get("path");
            staged.add(new RunJob.StagedInput(fileName, store.presignGet(bucket,
                    ObjectStore.contentKey((String) entry.get("sha256")), INPUT_URLS_LIVE, fileName)));
        }
        String manifestKey = "runs/" + run.id() + "/" + RunInputs.MANIFEST;
        store.write(bucket, manifestKey, Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        staged.add(new RunJob.StagedInput(RunInputs.MANIFEST, store.presignGet(bucket, manifestKey, INPUT_URLS_LIVE,
                RunInputs.MANIFEST)));
        return staged;
    }

    /** Reads every run Slipway has on the cluster into its row: admitted, ended, cancelled, its new log lines. */
    private void observe(List<ComputePool> kubernetes) {
        Map<String, Placement> placements = new HashMap<>();
        kubernetes.forEach(pool -> placements.put(pool.name(), Placements.of(pool)));
        List<Run> onCluster = tenancy.asPlatform(() -> {
            List<Run> found = new ArrayList<>();
            for (ComputePool pool : kubernetes) {
                for (RunState state : List.of(RunState.QUEUED, RunState.RUNNING)) {
                    runs.inState(pool.name(), state).stream().filter(KubernetesRuns::ours).forEach(found::add);
                }
            }
            return found;
        });
        if (onCluster.isEmpty()) {
            followed.clear();
            return;
        }
        KubernetesBackend backend = cluster.backend();
        Map<UUID, JobState> jobs = backend.runs();
        for (Run run : onCluster) {
            try {
                observe(backend, run, placements.get(run.pool()), Optional.ofNullable(jobs.get(run.id())));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Reading run " + run.id() + " from the cluster failed this time", e);
            }
        }
        followed.keySet().removeIf(id -> onCluster.stream().noneMatch(run -> run.id().equals(id)));
    }

    private void observe(KubernetesBackend backend, Run run, Placement placement, Optional<JobState> job) {
        String namespace = placement.namespaceOf(slug(run.orgId()));
        if (run.cancelRequested()) {
            backend.cancel(run.id(), namespace);
            end(run.orgId(), run.id(), RunState.CANCELLED, null, "cancelled", null, List.of());
            return;
        }
        if (job.isEmpty()) {
            end(run.orgId(), run.id(), RunState.FAILED, null, "its Job is gone from the cluster (deleted outside"
                    + " Slipway)", null, List.of());
            return;
        }
        JobState state = job.get();
        switch (state.phase()) {
            case QUEUED -> {
                return;
            }
            case RUNNING -> {
                if (run.state() == RunState.QUEUED) {
                    started(run.orgId(), run.id());
                }
                followLog(backend, run, namespace);
            }
            default -> {
                Followed log = followLog(backend, run, namespace);
                RunState end = switch (state.phase()) {
                    case SUCCEEDED -> RunState.SUCCEEDED;
                    case TIMED_OUT -> RunState.TIMED_OUT;
                    default -> RunState.FAILED;
                };
                String reason = end == RunState.FAILED && state.exitCode() != null
                        ? state.reason() + "; last lines:\n" + String.join("\n", log.log.last(5)) : state.reason();
                if (end == RunState.SUCCEEDED) {
                    collectOutputs(run, state.exitCode(), log);
                } else {
                    end(run.orgId(), run.id(), end, state.exitCode(), reason, log, List.of());
                }
            }
        }
    }

    /**
     * A succeeded Job's declared outputs become model versions: this server takes the run over first (the row's
     * version decides between servers), so they are registered once.
     */
    private void collectOutputs(Run run, Integer exitCode, Followed log) {
        boolean taken;
        try {
            taken = tenancy.asSystemIn(run.orgId(), () -> runs.findById(run.id())
                    .filter(row -> !row.state().ended() && ours(row)).map(row -> {
                        row.handedTo(COLLECTING, RunService.now());
                        return true;
                    }).orElse(false));
        } catch (RuntimeException anotherServerTookIt) {
            LOG.log(Level.FINE, "Run " + run.id() + " is collected by another server", anotherServerTookIt);
            return;
        }
        if (!taken) {
            return;
        }
        LocalRuns.Outcome outcome;
        try {
            outcome = outputs.register(run.orgId(), run.id(), outputs.uploaded(run.orgId(), run.id()), log.log);
        } catch (RuntimeException e) {
            // the store or the database failed: handed back, so the next pass tries again
            tenancy.asSystemIn(run.orgId(), () -> {
                runs.findById(run.id()).ifPresent(row -> row.handedTo(RUNNER, row.heartbeatAt().orElse(null)));
                return null;
            });
            throw e;
        }
        log.log.note("run ended: " + outcome.state().label() + " (exit code " + exitCode + ")");
        byte[] chunk = log.log.nextChunk();
        if (chunk.length > 0) {
            String bucket = store.bucketFor(run.orgId());
            store.ensureBucket(bucket);
            store.write(bucket, RunLog.chunkKey(run.id(), log.log.chunks() - 1), chunk);
        }
        end(run.orgId(), run.id(), outcome.state(), exitCode, outcome.reason(), log, outcome.models());
    }

    /** A run this backend reads from the cluster: handed to it, or left half-collected by a server that died. */
    private static boolean ours(Run run) {
        String runner = run.runner().orElse("");
        return runner.equals(RUNNER) || runner.equals(COLLECTING) && run.heartbeatAt()
                .map(at -> at.isBefore(Instant.now().minus(COLLECTING_STALE))).orElse(true);
    }

    private void started(UUID orgId, UUID runId) {
        tenancy.asSystemIn(orgId, () -> {
            runs.findById(runId).filter(run -> run.state() == RunState.QUEUED).ifPresent(run -> {
                run.running(RunService.now());
                Project project = projects.findById(run.projectId()).orElseThrow();
                audit.record(orgId, CLUSTER, new AuditEntry("run.started", "run", run.id().toString(),
                        project.id(), project.slug(), null, Map.of("pool", run.pool(), "runner", RUNNER)));
            });
            return null;
        });
    }

    /** Takes the pod's lines written since the last pass into the run's log, and stores them as its next chunk. */
    private Followed followLog(KubernetesBackend backend, Run run, String namespace) {
        Followed log = followed.computeIfAbsent(run.id(), id -> new Followed(
                new RunLog(settings.logMaxBytes(), run.logChunks(), run.logBytes(), run.logTruncated()),
                run.logChunks() == 0 ? null : run.heartbeatAt().orElse(null)));
        List<KubernetesBackend.LogLine> lines = backend.logsAfter(run.id(), namespace, log.lastLine);
        if (lines.isEmpty()) {
            return log;
        }
        lines.forEach(line -> log.log.line(line.at(), "pod", line.text()));
        Instant last = lines.getLast().at();
        byte[] chunk = log.log.nextChunk();
        if (chunk.length > 0) {
            String bucket = store.bucketFor(run.orgId());
            store.ensureBucket(bucket);
            store.write(bucket, RunLog.chunkKey(run.id(), log.log.chunks() - 1), chunk);
        }
        Retries.onConflict(() -> tenancy.asSystemIn(run.orgId(), () -> {
            runs.findById(run.id()).filter(row -> !row.state().ended()).ifPresent(row -> {
                row.logged(log.log.chunks(), log.log.storedBytes(), log.log.truncated());
                // for a cluster's run the heartbeat is the time of the last log line stored: where reading goes on
                row.heartbeat(last);
            });
            return null;
        }));
        log.lastLine = last;
        return log;
    }

    /** Records the run's end, with its audit event, unless it ended already; admission may then go on. */
    private void end(UUID orgId, UUID runId, RunState end, Integer exitCode, String reason, Followed log,
                     List<String> models) {
        Retries.onConflict(() -> tenancy.asSystemIn(orgId, () -> {
            runs.findById(runId).filter(run -> !run.state().ended()).ifPresent(run -> {
                if (log != null) {
                    run.logged(log.log.chunks(), log.log.storedBytes(), log.log.truncated());
                }
                run.end(end, exitCode, reason, RunService.now());
                run.produced(models);
                Project project = projects.findById(run.projectId()).orElseThrow();
                audit.record(orgId, CLUSTER, new AuditEntry("run.ended", "run", run.id().toString(), project.id(),
                        project.slug(), null, Map.of("state", end.label(), "exitCode",
                        exitCode == null ? "none" : exitCode, "reason", reason == null ? "" : reason,
                        "outputModels", models)));
            });
            return null;
        }));
        followed.remove(runId);
        try {
            outputs.discardUploads(orgId, runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove the outputs run " + runId + " uploaded", e);
        }
        events.fire(new RunEvents.QueueChanged());
    }

    private String slug(UUID orgId) {
        return tenancy.asPlatform(() -> organizations.findById(orgId)).map(Organization::slug)
                .orElse(orgId.toString());
    }
}
