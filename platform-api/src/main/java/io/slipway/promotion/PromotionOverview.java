package io.slipway.promotion;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import io.slipway.registry.Model;
import io.slipway.registry.ModelRepository;
import io.slipway.registry.ModelStage;
import io.slipway.registry.Stage;
import io.slipway.registry.StageRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Read-only views of a project's promotions for screens that show them: each model with its stage holders in one
 * call, and watching a project's promotions (the console's inbox updates itself through it).
 */
@ApplicationScoped
public class PromotionOverview {

    private final ProjectAccess access;
    private final ModelRepository models;
    private final StageRepository stages;
    private final PromotionRepository promotions;
    private final PromotionListeners listeners;

    /** Runs a watcher's callback off the thread that committed the change (and out of its transaction). */
    @Resource
    ManagedExecutorService executor;

    @Inject
    public PromotionOverview(ProjectAccess access, ModelRepository models, StageRepository stages,
                             PromotionRepository promotions, PromotionListeners listeners) {
        this.access = access;
        this.models = models;
        this.stages = stages;
        this.promotions = promotions;
        this.listeners = listeners;
    }

    protected PromotionOverview() {
        this(null, null, null, null, null);
    }

    /** The project's models by name, each with the versions that hold staging and production. */
    public Page<ModelStages> models(Caller caller, String orgSlug, String projectSlug, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.MODEL_READ, context ->
                Page.of(models.page(context.project().id(), page.after(), page.fetchSize()), page, Model::name)
                        .map(this::stagesOf));
    }

    /**
     * Calls {@code onChange} (on a thread of its own, after the change committed) whenever a promotion of the
     * project is requested or decided or one of its stages is rolled back, until the returned handle is closed.
     * Only for callers who may read the project's promotions.
     */
    public AutoCloseable watch(Caller caller, String orgSlug, String projectSlug, Runnable onChange) {
        UUID projectId = access.inProject(caller, orgSlug, projectSlug, Operation.PROMOTION_READ,
                context -> context.project().id());
        return listeners.listen(projectId, change -> executor.execute(onChange));
    }

    private ModelStages stagesOf(Model model) {
        return new ModelStages(model.name(), model.latestVersion(), model.createdAt(),
                stages.holder(model.id(), Stage.STAGING).map(ModelStage::versionNumber).orElse(null),
                stages.holder(model.id(), Stage.PRODUCTION).map(ModelStage::versionNumber).orElse(null),
                promotions.pending(model.id(), Stage.STAGING).size()
                        + promotions.pending(model.id(), Stage.PRODUCTION).size());
    }
}
