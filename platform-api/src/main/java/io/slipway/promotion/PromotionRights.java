package io.slipway.promotion;

/** What a caller may do with a project's promotions; reasons for a single request are in its view. */
public record PromotionRights(boolean request, boolean decide, boolean rollBack, boolean setPolicy) {
}
