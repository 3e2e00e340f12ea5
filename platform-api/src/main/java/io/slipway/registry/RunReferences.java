package io.slipway.registry;

import java.util.UUID;

/** Whether a run a model version names as its source exists in the project (the run feature answers). */
public interface RunReferences {

    boolean exists(UUID projectId, UUID runId);
}
