package io.slipway.promotion;

import io.slipway.outbox.Outbox;
import io.slipway.outbox.OutboxEvent;
import io.slipway.project.ProjectContext;
import io.slipway.registry.StageChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The outbox events of promotions, for webhooks: {@code promotion.requested}, {@code promotion.approved},
 * {@code promotion.rejected}, {@code promotion.superseded}, {@code stage.changed} and {@code stage.rolled-back},
 * each written in the change's transaction beside its audit event.
 */
@ApplicationScoped
class PromotionEvents {

    /** A request and where it stands. */
    record RequestEvent(String org, String project, UUID id, String model, int version, String targetStage,
                        String state, String requestedBy, String justification, String actor, String comment) {
    }

    /** A stage that changed. */
    record StageEvent(String org, String project, String model, String stage, Integer fromVersion, Integer toVersion,
                      String cause, UUID request, String actor, String actorKind, String reason) {
    }

    private final Outbox outbox;

    @Inject
    PromotionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    protected PromotionEvents() {
        this(null);
    }

    void request(ProjectContext context, String type, String model, PromotionRequest request, String actor,
                 String comment) {
        outbox.publish(new OutboxEvent(context.project().id(), context.project().slug(), type,
                "promotions/" + request.id(), new RequestEvent(context.orgSlug(), context.project().slug(),
                request.id(), model, request.versionNumber(), request.targetStage().label(),
                request.state().label(), request.requestedByName(), request.justification(), actor, comment)));
    }

    void stage(ProjectContext context, String model, StageChange change) {
        String type = change.cause() == StageChange.Cause.ROLLBACK ? "stage.rolled-back" : "stage.changed";
        outbox.publish(new OutboxEvent(context.project().id(), context.project().slug(), type,
                "models/" + model + "/stages/" + change.stage().label(), new StageEvent(context.orgSlug(),
                context.project().slug(), model, change.stage().label(), change.fromVersion().orElse(null),
                change.toVersion().orElse(null), change.cause().label(), change.requestId().orElse(null),
                change.actorName(), change.actorKind(), change.reason().orElse(null))));
    }
}
