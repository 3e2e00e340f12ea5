package io.slipway.outbox;

import java.util.UUID;

/**
 * The payload of {@code model.version-registered} and {@code dataset.version-registered}: which version of what,
 * its content's SHA-256 and who registered it.
 */
public record VersionRegistered(String org, String project, String name, int version, String sha256, String actor) {

    public static final String MODEL = "model.version-registered";
    public static final String DATASET = "dataset.version-registered";

    /** The outbox event of a model version ({@code models/<name>/versions/<n>}). */
    public static OutboxEvent model(UUID projectId, VersionRegistered payload) {
        return new OutboxEvent(projectId, payload.project(), MODEL,
                "models/" + payload.name() + "/versions/" + payload.version(), payload);
    }

    /** The outbox event of a dataset version ({@code datasets/<name>/versions/<n>}). */
    public static OutboxEvent dataset(UUID projectId, VersionRegistered payload) {
        return new OutboxEvent(projectId, payload.project(), DATASET,
                "datasets/" + payload.name() + "/versions/" + payload.version(), payload);
    }
}
