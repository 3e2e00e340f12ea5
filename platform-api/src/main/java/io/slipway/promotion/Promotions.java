package io.slipway.promotion;

import io.slipway.api.ProblemException;
import io.slipway.project.ProjectContext;
import io.slipway.registry.Model;
import io.slipway.registry.ModelRepository;
import io.slipway.registry.ModelVersion;
import java.util.Optional;
import java.util.UUID;

/** Lookups the promotion services share, each answering 404 the same way. */
final class Promotions {

    private Promotions() {
    }

    static Model model(ModelRepository models, ProjectContext context, String name) {
        return models.findByName(context.project().id(), name).orElseThrow(() -> ProblemException.notFound(
                "Model '" + name + "' not found in project '" + context.project().slug() + "'."));
    }

    static ModelVersion version(ModelRepository models, Model model, int number) {
        return models.findVersion(model.id(), number).orElseThrow(() -> ProblemException.notFound(
                "Model '" + model.name() + "' has no version " + number + "."));
    }

    static PromotionPolicy policy(PromotionRepository promotions, ProjectContext context) {
        return promotions.policy(context.project().id())
                .orElseGet(() -> PromotionPolicy.defaults(context.project().id()));
    }

    static Snapshot snapshot(ModelVersion version) {
        return new Snapshot(version.number(), version.metrics(), version.params());
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
