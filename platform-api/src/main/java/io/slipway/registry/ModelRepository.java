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

    /** Whether one of the model's versions holds exactly this content. */
    boolean holdsContent(UUID modelId, String sha256);

    Optional<Model> findById(UUID modelId);

    /** The model, locked until the transaction ends: serializes changes of its stages. */
    Model lock(Model model);

    /** Versions newest first, below the given number. */
    List<ModelVersion> versionsNewestFirst(UUID modelId, Optional<Integer> belowNumber, int limit);

    long countInProject(UUID projectId);

    void store(Model model);

    void store(ModelVersion version);
}
