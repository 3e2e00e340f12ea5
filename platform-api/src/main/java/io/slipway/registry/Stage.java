package io.slipway.registry;

/** Where a model version stands; a model has at most one version in staging and one in production. */
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
}
