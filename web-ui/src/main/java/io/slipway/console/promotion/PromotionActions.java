package io.slipway.console.promotion;

import io.slipway.console.project.ProjectScope;
import io.slipway.promotion.PolicyService;
import io.slipway.promotion.PromotionRights;
import io.slipway.promotion.PromotionService;
import io.slipway.promotion.StageService;
import io.slipway.registry.ModelService;
import java.io.Serializable;

/**
 * What the Models page offers about promotions, for one person in one project: the services it calls and what the
 * promotion service says the person may do (asked once per navigation, checked again by every call).
 */
public record PromotionActions(ProjectScope scope, PromotionRights rights, PromotionService promotions,
                               StageService stages, PolicyService policies, ModelService models)
        implements Serializable {

    /** Asks the promotion service what the person may do in this project. */
    public static PromotionActions of(ProjectScope scope, PromotionService promotions, StageService stages,
                                      PolicyService policies, ModelService models) {
        return new PromotionActions(scope, promotions.rights(scope.caller(), scope.org(), scope.project()),
                promotions, stages, policies, models);
    }
}
