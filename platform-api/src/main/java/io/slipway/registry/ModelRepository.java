package io.slipway.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Models and their versions in the current organization (tenant-scoped). */
public interface ModelRepository {

    Optional<Model> findByName(UUID projectId, String name);

    List<Model> page(UUID projectId, Optional<String> afterName, int limit);

    Optional<ModelVersion> findVersion(UUID modelId, int number);

    Optional<ModelVersion> findVersionById(UUID versionId);

    Optional<Model> findById(UUID modelId);

    /** Versions newest first, below the given number. */
    List<ModelVersion> versionsNewestFirst(UUID modelId, Optional<Integer> belowNumber, int limit);

    /** The version holding a single-holder stage (staging, production), if any. */
    Optional<ModelVersion> holderOf(UUID modelId, Stage stage);

    long countInProject(UUID projectId);

    void store(Model model);

    void store(ModelVersion version);
}
