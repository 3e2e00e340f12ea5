package io.slipway.registry;

import java.time.Instant;

/** A model in a list. */
public record ModelSummary(String name, int latestVersion, Instant createdAt) {

    static ModelSummary of(Model model) {
        return new ModelSummary(model.name(), model.latestVersion(), model.createdAt());
    }
}
