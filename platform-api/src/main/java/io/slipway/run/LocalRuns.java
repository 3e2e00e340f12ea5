package io.slipway.run;

import io.slipway.api.Json;
import io.slipway.audit.AuditEntry;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Actor;
import io.slipway.compute.LaunchSpec;
import io.slipway.compute.LocalProcess;
import io.slipway.dataset.DatasetVersions;
import io.slipway.project.ProjectRepository;
import io.slipway.storage.ObjectStore;
import io.slipway.tenancy.Tenancy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local backend's runs on this server: each admitted run gets a working directory with its inputs, the run
 * contract's environment and its own process group; its log is kept here while it runs (and in object storage, a
 * chunk a second); its timeout and cancel end the whole group. When it ends, its state, exit code and reason are
 * written, with its audit event, and its declared outputs registered.
 */
@ApplicationScoped
public class LocalRuns {

    static final Actor SUPERVISOR = new Actor.Platform("run-supervisor");
    private static final Logger LOG = Logger.getLogger(LocalRuns.class.getName());
    private static final int LAST_LINES = 5;

    /** A run of this server: its process, its log, and what ended it if Slipway did. */
    static final class Active {
        final UUID orgId;
        final UUID runId;
        final RunLog log;
        final Path directory;
        volatile LocalProcess process;
        volatile String endedBy;
        volatile RunState endedAs;

        Active(UUID orgId, UUID runId, RunLog log, Path directory) {
            this.orgId = orgId;
            this.runId = runId;
            this.log = log;
            this.directory = directory;
        }
    }

    private final Tenancy tenancy;
    private final RunRepository runs;
    private final ProjectRepository projects;
    private final DatasetVersions datasets;
    private final ObjectStore store;
    private final AuditLog audit;
    private final RunOutputs outputs;
    private final CodeBundleService codeBundles;
    private final Event<Object> events;
    private final Path workRoot;
    private final long logMaxBytes;
    private final String callbackUrl;
    private final Map<UUID, Active> active = new ConcurrentHashMap<>();

    /** Threads of this application (its context: CDI, JPA, Bean Validation), on which runs are finished. */
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedThreadFactory threadFactory;
    private volatile java.util.concurrent.ExecutorService containerThreads;
    /** Ended runs' logs, kept a little while for followers that have not read the end yet. */
    private final Map<UUID, RunLog> recentlyEnded = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, RunLog> eldest) {
            return size() > 64;
        }
    });

    @Inject
    public LocalRuns(Tenancy tenancy, RunRepository runs, ProjectRepository projects, DatasetVersions datasets,
                     ObjectStore store, AuditLog audit, RunOutputs outputs, CodeBundleService codeBundles,
                     Event<Object> events, @ConfigProperty(name = "slipway.data.dir") Optional<String> dataDir,
                     @ConfigProperty(name = "slipway.runs.log-max-bytes", defaultValue = "10485760") long logMaxBytes,
                     @ConfigProperty(name = "slipway.runs.callback-url") Optional<String> callbackUrl,
                     @ConfigProperty(name = "slipway.http.port", defaultValue = "8080") int httpPort) {
        this.tenancy = tenancy;
        this.runs = runs;
        this.projects = projects;
        this.datasets = datasets;
        this.store = store;
        this.audit = audit;
        this.outputs = outputs;
        this.codeBundles = codeBundles;
        this.events = events;
        this.workRoot = Path.of(dataDir.orElse(System.getProperty("java.io.tmpdir") + "/slipway"), "runs");
        this.logMaxBytes = logMaxBytes;
        this.callbackUrl = callbackUrl.orElse("http://127.0.0.1:" + httpPort);
    }

    protected LocalRuns() {
        this(null, null, null, null, null, null, null, null, null, Optional.empty(), 0, Optional.empty(), 0);
    }

    /** Starts an admitted run (after its admission committed); a run that cannot start ends FAILED at once. */
    void launch(UUID orgId, UUID runId, String token) {
        if (containerThreads == null) {
            synchronized (this) {
                if (containerThreads == null) {
                    containerThreads = java.util.concurrent.Executors.newCachedThreadPool(threadFactory);
                }
            }
        }
        Active run = new Active(orgId, runId, new RunLog(logMaxBytes), workRoot.resolve(runId.toString()));
        active.put(runId, run);
        try {
            LaunchSpec launch = prepare(run, token);
            LocalProcess process = LocalProcess.start(launch, run.log);
            run.process = process;
            Instant processStart = ProcessHandle.of(process.pid()).flatMap(h -> h.info().startInstant())
                    .orElse(Instant.now());
            // the supervisor's tick writes the row's heartbeat meanwhile (the run is active): retried on conflict
            Duration timeout = Retries.onConflict(() -> tenancy.asSystemIn(orgId, () -> {
                Run row = runs.findById(runId).orElseThrow();
                row.started(process.pid(), processStart);
                return row.timeout();
            }));
            process.exit().copy().orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .whenComplete((code, failure) -> {
                        if (failure instanceof java.util.concurrent.TimeoutException) {
                            end(run, RunState.TIMED_OUT, "ran past its timeout of " + timeout.toSeconds() + " s");
                        }
                    });
            // finishing registers outputs (Bean Validation, JPA): on a container thread, not the JDK's pool
            process.exit().whenCompleteAsync((code, failure) -> finish(run, code), containerThreads);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "Run " + runId + " could not start", e);
            run.log.note("could not start: " + e.getMessage());
            run.endedAs = RunState.FAILED;
            run.endedBy = "could not start: " + e.getMessage();
            finish(run, null);
        }
    }

    /** Ends the run's process group, recording why; its exit then finishes the run. */
    void end(Active run, RunState as, String why) {
        if (run.endedAs == null) {
            run.endedAs = as;
            run.endedBy = why;
            run.log.note(why);
        }
        LocalProcess process = run.process;
        if (process != null) {
            process.killTree();
        }
    }

    Optional<Active> active(UUID runId) {
        return Optional.ofNullable(active.get(runId));
    }

    List<Active> all() {
        return new ArrayList<>(active.values());
    }

    /** The log of a run this server runs or ran a moment ago. */
    Optional<RunLog> liveLog(UUID runId) {
        Active run = active.get(runId);
        return run != null ? Optional.of(run.log) : Optional.ofNullable(recentlyEnded.get(runId));
    }

    /** Writes the run's new log lines to object storage as its next chunk; the caller records the count. */
    void flushLog(Active run) {
        byte[] chunk = run.log.nextChunk();
        if (chunk.length > 0) {
            String bucket = store.bucketFor(run.orgId);
            store.ensureBucket(bucket);
            store.write(bucket, RunLog.chunkKey(run.runId, run.log.chunks() - 1), chunk);
        }
    }

    private LaunchSpec prepare(Active run, String token) throws IOException {
        Path input = run.directory.resolve("input");
        Path output = run.directory.resolve("output");
        Path work = run.directory.resolve("work");
        Files.createDirectories(input);
        Files.createDirectories(output);
        Files.createDirectories(work);
        Prepared prepared = tenancy.asSystemIn(run.orgId, () -> {
            Run row = runs.findById(run.runId).orElseThrow();
            RunSpec spec = Json.read(row.spec(), RunSpec.class);
            List<Map<String, Object>> manifest = RunInputs.manifest(datasets, row, spec);
            String project = projects.findById(row.projectId()).map(io.slipway.project.Project::slug).orElseThrow();
            return new Prepared(spec, manifest, project, row.number());
        });
        String bucket = store.bucketFor(run.orgId);
        for (Map<String, Object> entry : prepared.inputs()) {
            try (InputStream content = store.open(bucket, ObjectStore.contentKey((String) entry.get("sha256")))) {
                Files.copy(content, input.resolve((String) entry.get("path")));
            }
        }
        Files.writeString(input.resolve(RunInputs.MANIFEST), Json.write(prepared.inputs()));
        Path directory = work;
        RunSpec.CodeBundleRef bundle = prepared.spec().codeBundle();
        if (bundle != null) {
            directory = run.directory.resolve("code");
            Files.createDirectories(directory);
            Path archive = run.directory.resolve("bundle." + bundle.format());
            try (InputStream content = store.open(bucket, ObjectStore.contentKey(bundle.sha256()))) {
                Files.copy(content, archive);
            }
            BundleArchive.unpack(BundleArchive.Format.fromLabel(bundle.format()), archive,
                    codeBundles.maxUnpackedBytes(), directory);
            Files.delete(archive);
            run.log.note("code bundle " + bundle.id() + " unpacked into SLIPWAY_CODE_DIR, the working directory");
        }
        Map<String, String> env = new java.util.HashMap<>(prepared.spec().env() == null ? Map.of()
                : prepared.spec().env());
        env.put("SLIPWAY_URL", callbackUrl);
        env.put("SLIPWAY_RUN_ID", run.runId.toString());
        env.put("SLIPWAY_RUN_TOKEN", token);
        env.put("SLIPWAY_OUTPUTS_URL", RunOutputs.uploadsUrl(callbackUrl, run.runId));
        env.put("SLIPWAY_INPUT_DIR", input.toString());
        env.put("SLIPWAY_OUTPUT_DIR", output.toString());
        env.put("SLIPWAY_PROJECT", prepared.project());
        if (bundle != null) {
            env.put("SLIPWAY_CODE_DIR", directory.toString());
        }
        env.put("HOME", work.toString());
        env.put("TMPDIR", work.toString());
        if (prepared.spec().params() != null) {
            env.put("SLIPWAY_PARAMS", Json.write(prepared.spec().params()));
        }
        List<String> command = BuiltInCommands.resolve(prepared.spec().commandLine());
        run.log.note("run " + prepared.number() + " starts: " + String.join(" ", prepared.spec().commandLine()));
        return new LaunchSpec(command, env, directory);
    }

    private record Prepared(RunSpec spec, List<Map<String, Object>> inputs, String project, int number) {
    }

    /** Records the run's end once its process is gone, registers its outputs, and lets admission go on. */
    private void finish(Active run, Integer exitCode) {
        try {
            RunState state;
            String reason;
            if (run.endedAs != null) {
                state = run.endedAs;
                reason = run.endedBy;
            } else if (exitCode != null && exitCode == 0) {
                state = RunState.SUCCEEDED;
                reason = null;
            } else {
                state = RunState.FAILED;
                reason = "exited with code " + exitCode + "; last lines:\n" + String.join("\n", run.log.last(LAST_LINES));
            }
            Outcome outcome = new Outcome(state, reason, List.of());
            if (state == RunState.SUCCEEDED) {
                outcome = outputs.register(run.orgId, run.runId, outputs.writtenOrUploaded(run.orgId, run.runId,
                        run.directory.resolve("output")), run.log);
            }
            Outcome ended = outcome;
            run.log.note("run ended: " + ended.state().label() + (exitCode == null ? "" : " (exit code " + exitCode + ")"));
            flushLog(run);
            Retries.onConflict(() -> tenancy.asSystemIn(run.orgId, () -> {
                Run row = runs.findById(run.runId).orElseThrow();
                row.logged(run.log.chunks(), run.log.storedBytes(), run.log.truncated());
                row.end(ended.state(), exitCode, ended.reason(), RunService.now());
                row.produced(ended.models());
                io.slipway.project.Project project = projects.findById(row.projectId()).orElseThrow();
                audit.record(run.orgId, SUPERVISOR, new AuditEntry("run.ended", "run", row.id().toString(),
                        project.id(), project.slug(), null, Map.of("state", ended.state().label(),
                        "exitCode", exitCode == null ? "none" : exitCode, "reason", ended.reason() == null ? ""
                                : ended.reason(), "outputModels", ended.models())));
                return null;
            }));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the end of run " + run.runId, e);
        } finally {
            recentlyEnded.put(run.runId, run.log);
            active.remove(run.runId);
            deleteQuietly(run.directory);
            discardUploadsQuietly(run);
            events.fire(new RunEvents.QueueChanged());
        }
    }

    /** How a run ended, once its outputs were registered (or failed to be). */
    record Outcome(RunState state, String reason, List<String> models) {
    }

    @PreDestroy
    void stopAll() {
        for (Active run : all()) {
            end(run, RunState.FAILED, "platform stopped");
        }
        if (containerThreads != null) {
            containerThreads.shutdown();
        }
    }

    private void discardUploadsQuietly(Active run) {
        try {
            outputs.discardUploads(run.orgId, run.runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove the outputs run " + run.runId + " uploaded", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.fine(() -> "Left " + directory + ": " + e.getMessage());
        }
    }
}
