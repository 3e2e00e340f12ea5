package io.slipway.promotion;

import java.time.Instant;

/** A decision on a request as the API shows it. */
public record DecisionView(String decision, String actorKind, String by, String comment, Instant at) {
}
