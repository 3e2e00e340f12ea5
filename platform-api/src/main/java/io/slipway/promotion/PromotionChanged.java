package io.slipway.promotion;

import java.util.UUID;

/** A promotion request was made or decided, or a stage changed: fired in the change's transaction. */
public record PromotionChanged(UUID orgId, UUID projectId, UUID requestId) {
}
