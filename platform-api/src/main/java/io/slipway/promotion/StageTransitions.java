package io.slipway.promotion;

import io.slipway.audit.AuditLog;
import io.slipway.auth.Actor;
import io.slipway.project.ProjectContext;
import io.slipway.registry.Model;
import io.slipway.registry.ModelVersion;
import io.slipway.registry.Stage;
import io.slipway.registry.StageChange;
import io.slipway.registry.StageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way a stage changes (promotion, override, rollback): the stage rows and their history move, every
 * other pending request for that stage is superseded (it was made against a holder that is gone), and the
 * change is audited and published to the outbox, all in the caller's transaction, under the model's lock.
 */
@ApplicationScoped
class StageTransitions {

    private final StageRepository stages;
    private final PromotionRepository promotions;
    private final AuditLog audit;
    private final PromotionEvents events;

    @Inject
    StageTransitions(StageRepository stages, PromotionRepository promotions, AuditLog audit, PromotionEvents events) {
        this.stages = stages;
        this.promotions = promotions;
        this.audit = audit;
        this.events = events;
    }

    protected StageTransitions() {
        this(null, null, null, null);
    }

    StageChange move(ProjectContext context, Model model, Stage stage, ModelVersion version, PromotionPolicy policy,
                     StageChange.Cause cause, Optional<UUID> requestId, Actor actor, Optional<String> reason) {
        StageChange change = stages.move(model, stage, version, policy.previousHolderTo(), cause, requestId, actor,
                reason);
        Instant now = change.createdAt().truncatedTo(ChronoUnit.MICROS);
        for (PromotionRequest other : promotions.pending(model.id(), stage)) {
            if (requestId.map(id -> !id.equals(other.id())).orElse(true)) {
                other.decide(PromotionRequest.State.SUPERSEDED, now, Optional.empty());
                audit.record(context.orgId(), actor, context.auditEntry("promotion.superseded", "promotion",
                        "promotions/" + other.id(), null, Map.of("model", model.name(), "version",
                                other.versionNumber(), "targetStage", stage.label(), "by",
                                "version " + version.number())));
                events.request(context, "promotion.superseded", model.name(), other, actor.name(), null);
            }
        }
        audit.record(context.orgId(), actor, context.auditEntry(cause == StageChange.Cause.ROLLBACK
                        ? "stage.rolled-back" : "stage.changed", "model-stage",
                "models/" + model.name() + "/stages/" + stage.label(),
                change.fromVersion().map(v -> Map.of("version", v)).orElse(null),
                StageChangeView.of(change)));
        events.stage(context, model.name(), change);
        return change;
    }
}
