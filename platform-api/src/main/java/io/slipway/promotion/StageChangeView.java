package io.slipway.promotion;

import io.slipway.registry.StageChange;
import java.time.Instant;
import java.util.UUID;

/** One change of a stage as the API shows it. */
public record StageChangeView(int seq, String stage, Integer fromVersion, Integer toVersion, String cause,
                              UUID request, String previousHolderTo, Actor actor, String reason, Instant at) {

    /** Who changed it. */
    public record Actor(String kind, String name) {
    }

    static StageChangeView of(StageChange change) {
        return new StageChangeView(change.seq(), change.stage().label(), change.fromVersion().orElse(null),
                change.toVersion().orElse(null), change.cause().label(), change.requestId().orElse(null),
                change.previousHolderTo().map(s -> s.label()).orElse(null),
                new Actor(change.actorKind(), change.actorName()), change.reason().orElse(null), change.createdAt());
    }
}
