package io.slipway.deployment;

import io.slipway.api.FieldError;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.deployment.Deployment.DeploymentTarget;
import io.slipway.project.ProjectAccess;
import io.slipway.project.ProjectContext;
import io.slipway.registry.Model;
import io.slipway.registry.ModelRepository;
import io.slipway.registry.ModelVersion;
import io.slipway.registry.Stage;
import io.slipway.serving.BatchingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Managing a project's deployments. Data scientists manage deployments; one bound to production (following the
 * production stage) also needs a manager, before and after a change. Every change is audited and handed to the
 * serving runtime once it commits.
 */
@ApplicationScoped
public class DeploymentService {

    /**
     * The pool that serves from inside the Slipway server: the compute pool {@code local-cpu}. {@code local}, its
     * name before compute pools existed, is still accepted and stored as {@code local-cpu}.
     */
    public static final String LOCAL_POOL = "local-cpu";
    private static final String LOCAL_POOL_ALIAS = "local";
    private static final int DEFAULT_BATCH_SIZE = 8;
    private static final int MAX_BATCH_SIZE = 1024;
    private static final Duration DEFAULT_BATCH_DELAY = Duration.ofMillis(2);

    private final ProjectAccess access;
    private final DeploymentRepository deployments;
    private final ModelRepository models;
    private final AuditLog audit;
    private final Event<DeploymentChanged> changed;

    @Inject
    public DeploymentService(ProjectAccess access, DeploymentRepository deployments, ModelRepository models,
                             AuditLog audit, Event<DeploymentChanged> changed) {
        this.access = access;
        this.deployments = deployments;
        this.models = models;
        this.audit = audit;
        this.changed = changed;
    }

    protected DeploymentService() {
        this(null, null, null, null, null);
    }

    public DeploymentView create(Caller caller, String orgSlug, String projectSlug, NewDeployment input) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_MANAGE, context -> {
            Model model = models.findByName(context.project().id(), input.model()).orElseThrow(() ->
                    ProblemException.badRequest("unknown-model", "Project '" + projectSlug + "' has no model '"
                            + input.model() + "'.", new FieldError("model", "no such model")));
            if (input.stage() == null && input.version() == null) {
                throw ProblemException.badRequest("target-required", "Give the stage to follow (production or"
                        + " staging) or the version to pin.", new FieldError("stage", "stage or version is required"));
            }
            DeploymentTarget target = target(model, input.stage(), input.version());
            requireRightsFor(context, target);
            if (deployments.findByName(context.project().id(), input.name()).isPresent()) {
                throw ProblemException.conflict("deployment-exists", "Project '" + projectSlug
                        + "' already has a deployment named '" + input.name() + "'.");
            }
            ServingSettings settings = settings(input.pool(), input.replicas(), input.batching(),
                    input.viewersMayInfer(), input.payloadSampleRate(), Optional.empty());
            Instant now = now();
            Deployment deployment = new Deployment(context.project().id(), input.name(), model.id(), target, settings,
                    now, caller.userId());
            deployments.store(deployment);
            DeploymentStatus status = new DeploymentStatus(deployment.id(), now);
            deployments.store(status);
            DeploymentView view = DeploymentView.of(deployment, model.name(), status, orgSlug, projectSlug);
            audit.record(context.orgId(), caller, context.auditEntry("deployment.created", "deployment",
                    deployment.name(), null, view));
            changed.fire(new DeploymentChanged(context.orgId(), deployment.id()));
            return view;
        });
    }

    public Page<DeploymentView> list(Caller caller, String orgSlug, String projectSlug, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_READ, context ->
                Page.of(deployments.page(context.project().id(), page.after(), page.fetchSize()), page,
                        Deployment::name).map(deployment -> view(context, deployment)));
    }

    /** What the caller may do with the project's deployments. */
    public DeploymentRights rights(Caller caller, String orgSlug, String projectSlug) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_READ, context ->
                new DeploymentRights(context.may(Operation.DEPLOYMENT_MANAGE),
                        context.may(Operation.DEPLOYMENT_MANAGE) && context.may(Operation.DEPLOYMENT_MANAGE_PRODUCTION)));
    }

    public DeploymentView get(Caller caller, String orgSlug, String projectSlug, String name) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_READ, context ->
                view(context, find(context, name)));
    }

    public DeploymentView update(Caller caller, String orgSlug, String projectSlug, String name,
                                 DeploymentChanges changes) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_MANAGE, context -> {
            Deployment deployment = find(context, name);
            requireRightsFor(context, deployment.target());
            Model model = model(deployment);
            DeploymentTarget target = changes.stage() == null && changes.version() == null ? deployment.target()
                    : target(model, changes.stage(), changes.version());
            requireRightsFor(context, target);
            ServingSettings settings = settings(changes.pool(), changes.replicas(), changes.batching(),
                    changes.viewersMayInfer(), changes.payloadSampleRate(), Optional.of(deployment.settings()));
            DeploymentView before = view(context, deployment);
            deployment.change(target, settings, now());
            DeploymentView after = view(context, deployment);
            audit.record(context.orgId(), caller, context.auditEntry("deployment.updated", "deployment",
                    deployment.name(), before, after));
            changed.fire(new DeploymentChanged(context.orgId(), deployment.id()));
            return after;
        });
    }

    public void delete(Caller caller, String orgSlug, String projectSlug, String name) {
        access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_MANAGE, context -> {
            Deployment deployment = find(context, name);
            requireRightsFor(context, deployment.target());
            DeploymentView before = view(context, deployment);
            deployments.remove(deployment);
            audit.record(context.orgId(), caller, context.auditEntry("deployment.deleted", "deployment",
                    deployment.name(), before, null));
            changed.fire(new DeploymentChanged(context.orgId(), deployment.id()));
            return null;
        });
    }

    /** Whether the caller may change this deployment, and if not why (for the console, before the click). */
    static Optional<String> whyNot(ProjectContext context, DeploymentTarget target) {
        if (!context.may(Operation.DEPLOYMENT_MANAGE)) {
            return Optional.of("Managing deployments needs the data-scientist role or above.");
        }
        if (target.followsProduction() && !context.may(Operation.DEPLOYMENT_MANAGE_PRODUCTION)) {
            return Optional.of("Deployments bound to production are managed by managers: ask a manager of this"
                    + " project.");
        }
        return Optional.empty();
    }

    private static void requireRightsFor(ProjectContext context, DeploymentTarget target) {
        whyNot(context, target).ifPresent(reason -> {
            throw ProblemException.forbidden(reason);
        });
    }

    private DeploymentTarget target(Model model, String stageLabel, Integer version) {
        if (stageLabel != null && version != null) {
            throw ProblemException.badRequest("target-ambiguous", "Give the stage to follow or the version to pin,"
                    + " not both.", new FieldError("version", "not with stage"));
        }
        if (stageLabel != null) {
            Stage stage = Stage.fromLabel(stageLabel).filter(Stage::singleHolder).orElseThrow(() ->
                    ProblemException.invalidField("stage", "must be 'production' or 'staging'"));
            return DeploymentTarget.following(stage);
        }
        ModelVersion pinned = models.findVersion(model.id(), version).orElseThrow(() ->
                ProblemException.invalidField("version", "model '" + model.name() + "' has no version " + version));
        if (!pinned.servable()) {
            throw ProblemException.unprocessable("version-not-servable", "Version " + version + " of '" + model.name()
                    + "' is a " + pinned.format().label() + " file, which serving cannot load; only ONNX models are served.");
        }
        return DeploymentTarget.pinnedTo(version);
    }

    private static ServingSettings settings(String pool, Integer replicas, BatchingInput batching,
                                            Boolean viewersMayInfer, Double payloadSampleRate,
                                            Optional<ServingSettings> current) {
        String chosenPool = pool != null ? pool : current.map(ServingSettings::pool).orElse(LOCAL_POOL);
        if (LOCAL_POOL_ALIAS.equals(chosenPool)) {
            chosenPool = LOCAL_POOL;
        }
        if (!LOCAL_POOL.equals(chosenPool)) {
            throw ProblemException.invalidField("pool", "'" + chosenPool + "' cannot serve here: deployments are"
                    + " served by the Slipway servers themselves, pool '" + LOCAL_POOL + "' (serving on kubernetes"
                    + " pools is not available yet)");
        }
        int chosenReplicas = replicas != null ? replicas : current.map(ServingSettings::replicas).orElse(1);
        if (chosenReplicas != 1) {
            throw ProblemException.invalidField("replicas", "the local pool serves from this server: 1 replica");
        }
        return new ServingSettings(chosenPool, chosenReplicas,
                batching(batching, current.map(ServingSettings::batching)),
                viewersMayInfer != null ? viewersMayInfer : current.map(ServingSettings::viewersMayInfer).orElse(false),
                payloadSampleRate != null ? payloadSampleRate
                        : current.map(ServingSettings::payloadSampleRate).orElse(0.0));
    }

    private static BatchingSettings batching(BatchingInput input, Optional<BatchingSettings> current) {
        BatchingSettings base = current.orElse(new BatchingSettings(false, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_DELAY));
        if (input == null) {
            return base;
        }
        int size = input.maxBatchSize() != null ? input.maxBatchSize() : base.maxBatchSize();
        if (size < 1 || size > MAX_BATCH_SIZE) {
            throw ProblemException.invalidField("batching.maxBatchSize", "must be between 1 and " + MAX_BATCH_SIZE);
        }
        long delay = input.maxDelayMs() != null ? input.maxDelayMs() : base.maxDelay().toMillis();
        if (delay < 0 || delay > BatchingSettings.LONGEST_DELAY.toMillis()) {
            throw ProblemException.invalidField("batching.maxDelayMs", "must be between 0 and "
                    + BatchingSettings.LONGEST_DELAY.toMillis());
        }
        return new BatchingSettings(input.enabled() != null ? input.enabled() : base.enabled(), size,
                Duration.ofMillis(delay));
    }

    private Deployment find(ProjectContext context, String name) {
        return deployments.require(context, name);
    }

    private Model model(Deployment deployment) {
        return models.findById(deployment.modelId()).orElseThrow(() -> new IllegalStateException(
                "Deployment " + deployment.id() + " names a model that does not exist"));
    }

    private DeploymentView view(ProjectContext context, Deployment deployment) {
        DeploymentStatus status = deployments.status(deployment.id())
                .orElseGet(() -> new DeploymentStatus(deployment.id(), deployment.createdAt()));
        return DeploymentView.of(deployment, model(deployment).name(), status, context.orgSlug(),
                context.project().slug());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
