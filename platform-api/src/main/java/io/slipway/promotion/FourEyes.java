package io.slipway.promotion;

import io.slipway.auth.Actor;
import io.slipway.registry.ModelVersion;
import java.util.Optional;

/**
 * Four eyes: nobody approves a promotion they requested, or of a version they uploaded (or, once runs exist, a
 * version produced by a run they started). Checked in the service after the operation's least role, with a
 * reason the console shows before anyone clicks.
 */
final class FourEyes {

    private FourEyes() {
    }

    /** Why this actor may not approve the request, or empty if four eyes allow it. */
    static Optional<String> refusal(Actor approver, PromotionRequest request, ModelVersion version) {
        if (approver.id().equals(request.requestedBy())) {
            return Optional.of("You requested this promotion; four eyes: someone else must approve it.");
        }
        if (approver.id().equals(version.createdBy())) {
            return Optional.of("You uploaded version " + version.number() + "; four eyes: someone else must"
                    + " approve its promotion.");
        }
        return Optional.empty();
    }
}
