package io.slipway.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a model version stands. Staging and production have at most one holder per model; any number of
 * versions may be archived; a version that holds none of them is in development. Stages are rows of their own
 * ({@link ModelStage}), changed by promotion and rollback only.
 */
public enum Stage {
    DEVELOPMENT("development"),
    STAGING("staging"),
    PRODUCTION("production"),
    ARCHIVED("archived");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a model has at most one version in this stage (the stages promotions move). */
    public boolean singleHolder() {
        return this == STAGING || this == PRODUCTION;
    }

    public static Optional<Stage> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
