package io.slipway.deployment;

import io.slipway.artifact.ArtifactContent;
import io.slipway.audit.AuditEntry;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Actor;
import io.slipway.deployment.DeploymentRepository.DeploymentRef;
import io.slipway.persistence.SchemaMigrated;
import io.slipway.project.Project;
import io.slipway.project.ProjectRepository;
import io.slipway.promotion.PromotionChanged;
import io.slipway.registry.Model;
import io.slipway.registry.ModelRepository;
import io.slipway.registry.ModelStage;
import io.slipway.registry.ModelVersion;
import io.slipway.registry.StageRepository;
import io.slipway.serving.Admission;
import io.slipway.serving.BatchingSettings;
import io.slipway.serving.ExecutionTarget;
import io.slipway.serving.LoadedModel;
import io.slipway.serving.ModelCache;
import io.slipway.serving.ModelLoader;
import io.slipway.serving.Route;
import io.slipway.serving.Routes;
import io.slipway.serving.UnloadableModelException;
import io.slipway.storage.ObjectStore;
import io.slipway.tenancy.OrganizationRepository;
import io.slipway.tenancy.Tenancy;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps this server's loaded models in step with its deployments (the local pool): for each deployment it works
 * out the version to serve (the holder of the stage it follows, or its pinned version), loads it from storage with
 * its SHA-256 checked and a warm-up run, and only then moves traffic to it ({@link Route}). The version before
 * stays loaded, so a rollback to it is an instant swap. A version that fails to load leaves the old one serving,
 * with the reason in the deployment's status, and is not tried again until what the deployment should serve changes.
 * <p>
 * It acts on a committed deployment change or promotion made through this server at once. Changes made through
 * another server (several pods share one database) it sees by polling a watermark every
 * {@code slipway.serving.change-poll} (default 0.5 s: two index lookups), and then reconciles every deployment.
 * It also sweeps every deployment every {@code slipway.serving.sweep-interval} (default 10 s), whatever the
 * watermark says. All of its work runs on one container-managed thread, one deployment at a time, as the
 * platform actor.
 */
@ApplicationScoped
public class DeploymentRuntime {

    private static final Logger LOG = Logger.getLogger(DeploymentRuntime.class.getName());
    static final Actor SWITCHING = new Actor.Platform("deployment-switching");

    private final Tenancy tenancy;
    private final DeploymentRepository deployments;
    private final ModelRepository models;
    private final StageRepository stages;
    private final ProjectRepository projects;
    private final OrganizationRepository organizations;
    private final ArtifactContent content;
    private final AuditLog audit;
    private final ServingMetrics metrics;
    private final RuntimeSettings settings;

    @Resource
    ManagedThreadFactory threadFactory;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Routes routes = new Routes();
    /** The version each deployment's current session was loaded for, and with which batching. */
    private final Map<UUID, Loaded> loaded = new ConcurrentHashMap<>();
    /** A version that failed to load, by deployment: not tried again until the deployment wants another. */
    private final Map<UUID, Integer> failed = new ConcurrentHashMap<>();
    private volatile ExecutorService worker;
    private volatile ModelLoader loader;
    /** Sessions by digest: deployments of an organization that serve the same bytes share one. */
    private final ModelCache sessions = new ModelCache();
    private ScheduledFuture<?> sweep;
    private ScheduledFuture<?> watching;
    private final java.util.concurrent.atomic.AtomicReference<DeploymentRepository.Watermark> seen =
            new java.util.concurrent.atomic.AtomicReference<>();

    private record Loaded(int version, BatchingSettings batching) {
    }

    /** What a deployment should serve, read in one transaction. */
    private record Desired(UUID orgId, UUID deploymentId, String name, String modelName, Optional<ModelVersion> version,
                           String pendingReason, BatchingSettings batching, AuditTarget audit,
                           ServingMetrics.Labels labels) {
    }

    /** Where a deployment's audit events point. */
    private record AuditTarget(String targetId, UUID projectId, String projectSlug) {

        AuditEntry entry(String action, Object before, Object after) {
            return new AuditEntry(action, "deployment", targetId, projectId, projectSlug, before, after);
        }
    }

    /** The runtime's settings, from MicroProfile Config. */
    public record RuntimeSettings(Path workDirectory, int intraOpThreads, int concurrency, int queueCapacity,
                                  Duration sweepInterval, Duration changePoll) {
    }

    @Inject
    public DeploymentRuntime(Tenancy tenancy, DeploymentRepository deployments, ModelRepository models,
                             StageRepository stages, ProjectRepository projects, OrganizationRepository organizations,
                             ArtifactContent content, AuditLog audit, ServingMetrics metrics,
                             @ConfigProperty(name = "slipway.serving.work-dir") Optional<String> workDir,
                             @ConfigProperty(name = "slipway.serving.intra-op-threads", defaultValue = "1") int intraOpThreads,
                             @ConfigProperty(name = "slipway.serving.concurrency", defaultValue = "0") int concurrency,
                             @ConfigProperty(name = "slipway.serving.queue-capacity", defaultValue = "256") int queueCapacity,
                             @ConfigProperty(name = "slipway.serving.sweep-interval", defaultValue = "PT10S")
                             Duration sweepInterval,
                             @ConfigProperty(name = "slipway.serving.change-poll", defaultValue = "PT0.5S")
                             Duration changePoll) {
        this.tenancy = tenancy;
        this.deployments = deployments;
        this.models = models;
        this.stages = stages;
        this.projects = projects;
        this.organizations = organizations;
        this.content = content;
        this.audit = audit;
        this.metrics = metrics;
        this.settings = new RuntimeSettings(
                workDir.filter(dir -> !dir.isBlank()).map(Path::of)
                        .orElse(Path.of(System.getProperty("java.io.tmpdir"), "slipway-serving")),
                Math.max(1, intraOpThreads),
                concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors(),
                Math.max(0, queueCapacity), sweepInterval, changePoll);
    }

    protected DeploymentRuntime() {
        this.tenancy = null;
        this.deployments = null;
        this.models = null;
        this.stages = null;
        this.projects = null;
        this.organizations = null;
        this.content = null;
        this.audit = null;
        this.metrics = null;
        this.settings = null;
    }

    synchronized void start(@Observes SchemaMigrated migrated) {
        loader = new ModelLoader(settings.workDirectory());
        worker = Executors.newSingleThreadExecutor(threadFactory);
        sweep = scheduler.scheduleWithFixedDelay(() -> submit(this::sweepAll), 0,
                Math.max(100, settings.sweepInterval().toMillis()), TimeUnit.MILLISECONDS);
        long poll = Math.max(50, settings.changePoll().toMillis());
        watching = scheduler.scheduleWithFixedDelay(this::pollWatermark, poll, poll, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Serving runtime started: " + settings);
    }

    @PreDestroy
    synchronized void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        if (watching != null) {
            watching.cancel(false);
        }
        if (worker != null) {
            worker.shutdownNow();
        }
        routes.closeAll();
        loaded.clear();
    }

    /** The route of a deployment on this server, if it has one. */
    public Optional<Route> route(UUID deploymentId) {
        return routes.find(deploymentId.toString());
    }

    void deploymentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeploymentChanged change) {
        submit(() -> reconcile(change.orgId(), change.deploymentId()));
    }

    void promotionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PromotionChanged change) {
        submit(() -> {
            List<UUID> inProject = tenancy.asSystemIn(change.orgId(), () ->
                    deployments.inProject(change.projectId()).stream().map(Deployment::id).toList());
            inProject.forEach(id -> reconcile(change.orgId(), id));
        });
    }

    private void submit(Runnable work) {
        ExecutorService running = worker;
        if (running == null) {
            return; // not started yet: the first sweep sees the change
        }
        try {
            running.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Serving runtime work failed; the next sweep tries again", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the application is stopping
        }
    }

    /** Reconciles every deployment when the watermark moved since the last look (a change through any server). */
    private void pollWatermark() {
        try {
            DeploymentRepository.Watermark now = tenancy.asPlatform(deployments::watermark);
            DeploymentRepository.Watermark before = seen.getAndSet(now);
            if (before != null && !before.equals(now)) {
                submit(this::sweepAll);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Polling the serving watermark failed; the next poll tries again", e);
        }
    }

    private void sweepAll() {
        List<DeploymentRef> all = tenancy.asPlatform(deployments::all);
        Set<String> live = new HashSet<>();
        for (DeploymentRef ref : all) {
            live.add(ref.deploymentId().toString());
            reconcile(ref.orgId(), ref.deploymentId());
        }
        for (UUID id : Set.copyOf(loaded.keySet())) {
            if (!live.contains(id.toString())) {
                close(id);
            }
        }
    }

    private void reconcile(UUID orgId, UUID deploymentId) {
        Optional<Desired> wanted = tenancy.asSystemIn(orgId, () -> desired(orgId, deploymentId));
        if (wanted.isEmpty()) {
            close(deploymentId);
            return;
        }
        Desired desired = wanted.get();
        Route route = routes.open(deploymentId.toString(), key -> new Route(desired.name(),
                new Admission(settings.concurrency(), settings.queueCapacity())));
        metrics.watch(deploymentId, desired.labels(), route);
        if (desired.version().isEmpty()) {
            if (route.current().isEmpty()) {
                report(desired, DeploymentState.PENDING, Optional.of(desired.pendingReason()), route);
            }
            return;
        }
        ModelVersion version = desired.version().get();
        Loaded now = loaded.get(deploymentId);
        if (now != null && now.version() == version.number() && now.batching().equals(desired.batching())) {
            return;
        }
        if (Integer.valueOf(version.number()).equals(failed.get(deploymentId))) {
            return;
        }
        OptionalInt before = now == null ? OptionalInt.empty() : OptionalInt.of(now.version());
        if (now != null && now.batching().equals(desired.batching()) && route.swapBackTo(version.number())) {
            loaded.put(deploymentId, new Loaded(version.number(), desired.batching()));
            report(desired, DeploymentState.READY, Optional.empty(), route);
            switched(desired, before, version.number(), Duration.ZERO, false);
            return;
        }
        report(desired, DeploymentState.LOADING, Optional.empty(), route);
        long start = System.nanoTime();
        LoadedModel model;
        ExecutionTarget target = ExecutionTarget.cpu(settings.intraOpThreads());
        try {
            model = sessions.acquire(orgId.toString(), version.artifactSha256(), target, () -> {
                try (InputStream bytes = content.open(orgId, ObjectStore.contentKey(version.artifactSha256()))) {
                    return loader.load(bytes, version.artifactSha256(), desired.modelName() + " v" + version.number(),
                            target);
                }
            });
        } catch (UnloadableModelException | java.io.IOException | RuntimeException e) {
            String reason = "Version " + version.number() + " did not load: " + message(e)
                    + route.current().map(c -> " Version " + c.version() + " keeps serving.").orElse("");
            failed.put(deploymentId, version.number());
            report(desired, DeploymentState.FAILED, Optional.of(reason), route);
            record(desired, "deployment.load-failed", null, Map.of("version", version.number(), "reason", reason));
            LOG.log(Level.INFO, "Deployment " + desired.name() + ": " + reason);
            return;
        }
        route.switchTo(version.number(), model, desired.batching(), settings.queueCapacity(), threadFactory);
        failed.remove(deploymentId);
        loaded.put(deploymentId, new Loaded(version.number(), desired.batching()));
        report(desired, DeploymentState.READY, Optional.empty(), route);
        switched(desired, before, version.number(), Duration.ofNanos(System.nanoTime() - start), true);
    }

    private Optional<Desired> desired(UUID orgId, UUID deploymentId) {
        return deployments.findById(deploymentId).map(deployment -> {
            Model model = models.findById(deployment.modelId()).orElseThrow();
            Deployment.DeploymentTarget target = deployment.target();
            Optional<ModelVersion> version;
            String pending = "";
            if (target.stage().isPresent()) {
                Optional<ModelStage> holder = stages.holder(model.id(), target.stage().get());
                version = holder.flatMap(h -> models.findVersionById(h.versionId()));
                pending = "Nothing holds " + target.stage().get().label() + " of model '" + model.name()
                        + "' yet; the deployment serves its holder once a version is promoted.";
            } else {
                version = models.findVersion(model.id(), target.pinnedVersion().getAsInt());
                pending = "Version " + target.pinnedVersion().getAsInt() + " of model '" + model.name() + "' is gone.";
            }
            Project project = projects.findById(deployment.projectId()).orElseThrow();
            String orgSlug = organizations.findById(orgId).map(o -> o.slug()).orElse(orgId.toString());
            AuditTarget entry = new AuditTarget(orgSlug + "/" + project.slug() + "/" + deployment.name(), project.id(),
                    project.slug());
            return new Desired(orgId, deploymentId, deployment.name(), model.name(), version, pending,
                    deployment.settings().batching(), entry,
                    new ServingMetrics.Labels(orgSlug, project.slug(), deployment.name()));
        });
    }

    private void report(Desired desired, DeploymentState state, Optional<String> reason, Route route) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OptionalInt serving = route.current().map(a -> OptionalInt.of(a.version())).orElse(OptionalInt.empty());
        OptionalInt previous = route.previous().map(a -> OptionalInt.of(a.version())).orElse(OptionalInt.empty());
        tenancy.asSystemIn(desired.orgId(), () -> {
            deployments.findById(desired.deploymentId()).ifPresent(deployment -> {
                DeploymentStatus status = deployments.status(desired.deploymentId()).orElseGet(() -> {
                    DeploymentStatus created = new DeploymentStatus(desired.deploymentId(), now);
                    deployments.store(created);
                    return created;
                });
                status.report(state, reason, serving, previous, now);
            });
            return null;
        });
    }

    /** What the audit trail records of a switch. */
    public record Switch(Integer fromVersion, int toVersion, boolean loaded, long loadMillis) {
    }

    private void switched(Desired desired, OptionalInt from, int to, Duration took, boolean loadedNow) {
        record(desired, "deployment.switched", null,
                new Switch(from.isPresent() ? from.getAsInt() : null, to, loadedNow, took.toMillis()));
        LOG.info(() -> "Deployment " + desired.name() + " serves version " + to + (loadedNow
                ? " (loaded in " + took.toMillis() + " ms)" : " (it was still loaded)"));
    }

    private void record(Desired desired, String action, Object before, Object after) {
        tenancy.asSystemIn(desired.orgId(), () -> {
            audit.record(desired.orgId(), SWITCHING, desired.audit().entry(action, before, after));
            return null;
        });
    }

    private void close(UUID deploymentId) {
        routes.close(deploymentId.toString());
        loaded.remove(deploymentId);
        failed.remove(deploymentId);
        metrics.forget(deploymentId);
    }

    private static String message(Exception e) {
        return switch (e) {
            case UnloadableModelException u -> u.getMessage();
            case java.io.IOException io -> "its stored bytes could not be read (" + io.getClass().getSimpleName() + ").";
            default -> "its stored bytes could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").";
        };
    }
}
