package io.slipway.run;

import io.slipway.api.FieldError;
import io.slipway.api.Json;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.compute.Resources;
import io.slipway.dataset.DatasetVersions;
import io.slipway.dataset.DatasetVersions.DatasetVersionRef;
import io.slipway.lineage.LineageEdge;
import io.slipway.lineage.LineageRepository;
import io.slipway.lineage.NodeKey;
import io.slipway.pool.ComputePool;
import io.slipway.pool.PoolBackend;
import io.slipway.pool.PoolDefinition;
import io.slipway.pool.PoolRepository;
import io.slipway.pool.PoolSeeding;
import io.slipway.project.ProjectAccess;
import io.slipway.project.ProjectContext;
import io.slipway.registry.TrainingData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starting, listing, reading and cancelling a project's runs. What a run asks for is checked at submission (a GPU on
 * a pool without GPUs, more than a node holds, an unknown dataset version: 422), so nothing waits in a queue it can
 * never leave. Every change is audited; admission and cancelling happen once the change commits.
 */
@ApplicationScoped
public class RunService {

    static final String KIND = "run";
    static final String INPUT_RELATION = "input";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    private static final Resources DEFAULT_REQUEST = new Resources(1000, 1024, 0);

    private final ProjectAccess access;
    private final RunRepository runs;
    private final PoolRepository pools;
    private final TrainingData trainingData;
    private final LineageRepository lineage;
    private final AuditLog audit;
    private final Event<Object> events;
    private final LocalRunsPolicy localRuns;
    private final RunLogs logs;
    private final io.slipway.tenancy.Tenancy tenancy;
    private final CodeBundleService codeBundles;

    @Inject
    public RunService(ProjectAccess access, RunRepository runs, PoolRepository pools, TrainingData trainingData,
                      LineageRepository lineage, AuditLog audit, Event<Object> events, LocalRunsPolicy localRuns,
                      RunLogs logs, io.slipway.tenancy.Tenancy tenancy, CodeBundleService codeBundles) {
        this.codeBundles = codeBundles;
        this.logs = logs;
        this.tenancy = tenancy;
        this.localRuns = localRuns;
        this.access = access;
        this.runs = runs;
        this.pools = pools;
        this.trainingData = trainingData;
        this.lineage = lineage;
        this.audit = audit;
        this.events = events;
    }

    protected RunService() {
        this(null, null, null, null, null, null, null, null, null, null, null);
    }

    public RunView start(Caller caller, String orgSlug, String projectSlug, NewRun input) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_START, context -> {
            ComputePool pool = pool(input.pool() == null ? PoolSeeding.LOCAL_CPU : input.pool());
            if (pool.backend() == PoolBackend.LOCAL && !localRuns.enabled()) {
                throw ProblemException.unprocessable("local-runs-off", "This server does not run local runs (a"
                        + " production installation runs commands on its own machine only with"
                        + " SLIPWAY_RUNS_LOCAL_ENABLED=true).");
            }
            Resources request = request(input.resources(), pool);
            RunSpec spec = spec(input, pool, input.codeBundle() == null ? null
                    : codeBundles.resolve(context, input.codeBundle()));
            List<DatasetVersionRef> inputs = trainingData.resolve(context, spec.inputs());
            Instant now = now();
            Run run = new Run(context.project().id(), runs.nextNumber(context.project().id()), input.name(),
                    pool.name(), Json.write(spec), request,
                    input.timeoutSeconds() == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(input.timeoutSeconds()),
                    RunTokens.hash(RunTokens.newToken()), now, caller.userId(), caller.username());
            runs.store(run);
            for (DatasetVersionRef dataset : inputs) {
                lineage.store(new LineageEdge(context.project().id(), new NodeKey(DatasetVersions.KIND, dataset.id()),
                        new NodeKey(KIND, run.id()), INPUT_RELATION, now));
            }
            RunView view = view(run);
            audit.record(context.orgId(), caller, context.auditEntry("run.queued", "run", run.id().toString(), null,
                    view));
            events.fire(new RunEvents.QueueChanged());
            return view;
        });
    }

    /** Whether the caller may start and cancel the project's runs (the console shows the buttons or not). */
    public boolean mayStart(Caller caller, String orgSlug, String projectSlug) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_READ,
                context -> context.may(Operation.RUN_START));
    }

    public Page<RunView> list(Caller caller, String orgSlug, String projectSlug, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_READ, context -> {
            Optional<Integer> before = page.afterNumber().map(Long::intValue);
            return Page.of(runs.page(context.project().id(), before, page.fetchSize()), page,
                    run -> Integer.toString(run.number())).map(this::view);
        });
    }

    public RunView get(Caller caller, String orgSlug, String projectSlug, String runId) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_READ, context ->
                view(find(context, runId)));
    }

    /** The run's metric points, per metric name in step order. */
    public Map<String, List<RunMetricView>> metrics(Caller caller, String orgSlug, String projectSlug, String runId) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_READ, context -> {
            Run run = find(context, runId);
            Map<String, List<RunMetricView>> series = new java.util.TreeMap<>();
            for (RunMetric point : runs.metrics(run.id())) {
                series.computeIfAbsent(point.name(), name -> new java.util.ArrayList<>())
                        .add(new RunMetricView(point.step(), point.value(), point.recordedAt()));
            }
            return series;
        });
    }

    /** A queued run ends at once; a running one is ended by the server that runs it, within a second or two. */
    public RunView cancel(Caller caller, String orgSlug, String projectSlug, String runId) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_CANCEL, context -> {
            Run run = find(context, runId);
            if (run.state().ended()) {
                throw ProblemException.conflict("run-ended", "Run " + run.number() + " has already ended ("
                        + run.state().label() + ").");
            }
            RunView before = view(run);
            if (run.state() == RunState.QUEUED && run.runner().isEmpty()) {
                run.end(RunState.CANCELLED, null, "cancelled by " + caller.username() + " while queued", now());
                events.fire(new RunEvents.QueueChanged());
            } else {
                run.requestCancel();
                events.fire(new RunEvents.CancelRequested(run.id()));
            }
            RunView after = view(run);
            audit.record(context.orgId(), caller, context.auditEntry("run.cancel-requested", "run",
                    run.id().toString(), before, after));
            return after;
        });
    }

    /** What a reader of the log has: the lines from {@code from} on, and whether the run has ended. */
    public record LogSnapshot(List<String> lines, String state, boolean ended) {
    }

    /** Checks that the caller may read the run's log; returns the run's organization and id for {@link #log}. */
    public LogHandle openLog(Caller caller, String orgSlug, String projectSlug, String runId) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_READ, context -> {
            Run run = find(context, runId);
            return new LogHandle(context.orgId(), run.id());
        });
    }

    /** An opened log: read it with {@link #log}, as often as a follower polls. */
    public record LogHandle(UUID orgId, UUID runId) {
    }

    public LogSnapshot log(LogHandle handle, int from) {
        return tenancy.asSystemIn(handle.orgId(), () -> {
            Run run = runs.findById(handle.runId()).orElseThrow();
            return new LogSnapshot(logs.lines(run.orgId(), run.id(), run.logChunks(), from), run.state().label(),
                    run.state().ended());
        });
    }

    /** Inside the run's tenant scope: the view of a run found already (logs, the run's own token). */
    RunView view(Run run) {
        RunSpec spec = Json.read(run.spec(), RunSpec.class);
        Integer position = run.state() == RunState.QUEUED
                ? (int) runs.queuedAhead(run.orgId(), run.pool(), run.createdAt()) + 1 : null;
        Map<String, Double> latest = new java.util.TreeMap<>();
        runs.metrics(run.id()).forEach(point -> latest.put(point.name(), point.value()));
        return new RunView(run.id(), run.number(), run.name().orElse(null), run.pool(), run.state().label(), position,
                run.queueReason().orElse(null), run.exitCode().orElse(null), run.reason().orElse(null),
                spec.commandLine(), spec.image(), spec.env() == null ? List.of() : spec.env().keySet().stream().sorted().toList(),
                spec.inputs() == null ? List.of() : spec.inputs(), spec.params() == null ? Map.of() : spec.params(),
                io.slipway.pool.PoolView.Amount.of(run.resources()), run.timeout().toSeconds(),
                spec.outputs() == null ? List.of() : spec.outputs(), run.outputModels(), latest, run.createdAt(),
                run.createdByName(), run.startedAt().orElse(null), run.endedAt().orElse(null), run.logBytes(),
                run.logTruncated(), spec.codeBundle() == null ? null : spec.codeBundle().id());
    }

    Run find(ProjectContext context, String runId) {
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException e) {
            throw notFound(runId);
        }
        return runs.find(context.project().id(), id).orElseThrow(() -> notFound(runId));
    }

    private static ProblemException notFound(String runId) {
        return ProblemException.notFound("Run '" + runId + "' not found.");
    }

    private ComputePool pool(String name) {
        ComputePool pool = pools.findByName(name).orElseThrow(() -> ProblemException.unprocessable("unknown-pool",
                "There is no compute pool '" + name + "'; GET /api/v1/pools lists them."));
        if (!pool.servesFor(PoolDefinition.TRAINING)) {
            throw ProblemException.unprocessable("pool-not-for-training", "The pool '" + name
                    + "' is for serving only.");
        }
        return pool;
    }

    private static Resources request(NewRun.RunResources asked, ComputePool pool) {
        Resources request = asked == null ? DEFAULT_REQUEST : new Resources(
                asked.cpu() == null ? DEFAULT_REQUEST.cpuMillis() : Math.round(asked.cpu() * 1000),
                asked.memoryMib() == null ? DEFAULT_REQUEST.memoryMib() : asked.memoryMib(),
                asked.gpus() == null ? 0 : asked.gpus());
        Resources node = pool.perNode();
        if (request.gpus() > 0 && node.gpus() == 0) {
            throw new ProblemException(422, "pool-has-no-gpus", "Unprocessable request", "The pool '" + pool.name()
                    + "' has no GPUs; ask for 0 GPUs or choose a GPU pool.",
                    List.of(new FieldError("resources.gpus", "the pool has no GPUs")));
        }
        if (!node.holds(request)) {
            throw new ProblemException(422, "request-exceeds-node", "Unprocessable request", "A node of '"
                    + pool.name() + "' has " + node.describe() + "; this run asks for " + request.describe() + ".",
                    List.of(new FieldError("resources", "more than one node of the pool holds")));
        }
        return request;
    }

    private static RunSpec spec(NewRun input, ComputePool pool, CodeBundle bundle) {
        boolean kubernetes = pool.backend() == PoolBackend.KUBERNETES;
        if (kubernetes && input.image() == null) {
            throw ProblemException.invalidField("image", "is required on a kubernetes pool: the container image"
                    + " the run's Job starts");
        }
        if (!kubernetes && input.image() != null) {
            throw ProblemException.invalidField("image", "a local pool runs commands, not images");
        }
        if (!kubernetes && input.command() == null) {
            throw ProblemException.invalidField("command", "is required: the program and its arguments");
        }
        if (input.env() != null && input.env().keySet().stream().anyMatch(name -> name.startsWith("SLIPWAY_"))) {
            throw ProblemException.invalidField("env", "SLIPWAY_* variables are the run's contract and set by"
                    + " Slipway");
        }
        List<String> command = new java.util.ArrayList<>(input.command() == null ? List.of() : input.command());
        if (input.args() != null) {
            command.addAll(input.args());
        }
        if (input.outputs() != null && input.outputs().stream().map(NewRun.Output::path).distinct().count()
                != input.outputs().size()) {
            throw ProblemException.invalidField("outputs", "each output names a different file");
        }
        return new RunSpec(List.copyOf(command), input.image(), input.env(), input.inputs(), input.params(),
                input.outputs(), bundle == null ? null
                : new RunSpec.CodeBundleRef(bundle.id(), bundle.sha256(), bundle.format().label()));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
