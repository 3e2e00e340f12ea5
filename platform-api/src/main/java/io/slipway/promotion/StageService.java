package io.slipway.promotion;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import io.slipway.registry.Model;
import io.slipway.registry.ModelRepository;
import io.slipway.registry.ModelStage;
import io.slipway.registry.ModelVersion;
import io.slipway.registry.Stage;
import io.slipway.registry.StageChange;
import io.slipway.registry.StageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A stage's history, and rolling it back: the version that held the stage before the current one (the one the
 * current holder's promotion displaced) takes it again at once, in the history as a rollback with its reason.
 * Rolling back again walks further back.
 */
@ApplicationScoped
public class StageService {

    private final ProjectAccess access;
    private final ModelRepository models;
    private final StageRepository stages;
    private final PromotionRepository promotions;
    private final StageTransitions transitions;
    private final Event<PromotionChanged> changed;

    @Inject
    public StageService(ProjectAccess access, ModelRepository models, StageRepository stages,
                        PromotionRepository promotions, StageTransitions transitions,
                        Event<PromotionChanged> changed) {
        this.access = access;
        this.models = models;
        this.stages = stages;
        this.promotions = promotions;
        this.transitions = transitions;
        this.changed = changed;
    }

    protected StageService() {
        this(null, null, null, null, null, null);
    }

    public Page<StageChangeView> history(Caller caller, String orgSlug, String projectSlug, String modelName,
                                         String stageLabel, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.STAGE_HISTORY_READ, context -> {
            Stage stage = stage(stageLabel);
            Model model = Promotions.model(models, context, modelName);
            return Page.of(stages.history(model.id(), stage, page.afterNumber().map(Long::intValue),
                    page.fetchSize()), page, c -> Integer.toString(c.seq())).map(StageChangeView::of);
        });
    }

    public StageChangeView rollback(Caller caller, String orgSlug, String projectSlug, String modelName,
                                    String stageLabel, RollbackInput input) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.STAGE_ROLLBACK, context -> {
            Stage stage = stage(stageLabel);
            Model model = models.lock(Promotions.model(models, context, modelName));
            ModelStage holder = stages.holder(model.id(), stage).orElseThrow(() -> nothingToRollBackTo(
                    "Nothing holds " + stage.label() + " of " + model.name() + "."));
            int previous = stages.lastPromotionTo(model.id(), stage, holder.versionNumber())
                    .flatMap(StageChange::fromVersion)
                    .orElseThrow(() -> nothingToRollBackTo("Version " + holder.versionNumber() + " was the first"
                            + " to hold " + stage.label() + " of " + model.name() + "; nothing held it before."));
            ModelVersion target = Promotions.version(models, model, previous);
            StageChange change = transitions.move(context, model, stage, target,
                    Promotions.policy(promotions, context), StageChange.Cause.ROLLBACK, Optional.empty(), caller,
                    Optional.of(input.reason().strip()));
            changed.fire(new PromotionChanged(context.orgId(), context.project().id(), null));
            return StageChangeView.of(change);
        });
    }

    private static Stage stage(String label) {
        return Stage.fromLabel(label).filter(Stage::singleHolder).orElseThrow(() -> ProblemException.notFound(
                "No stage '" + label + "': stages with a holder and a history are staging and production."));
    }

    private static ProblemException nothingToRollBackTo(String detail) {
        return ProblemException.conflict("nothing-to-roll-back", detail);
    }
}
