package io.slipway.dataset;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Datasets and their versions in the current organization (tenant-scoped). */
public interface DatasetRepository {

    Optional<Dataset> findByName(UUID projectId, String name);

    List<Dataset> page(UUID projectId, Optional<String> afterName, int limit);

    Optional<DatasetVersion> findVersion(UUID datasetId, int number);

    /** Versions newest first, below the given number. */
    List<DatasetVersion> versionsNewestFirst(UUID datasetId, Optional<Integer> belowNumber, int limit);

    Optional<DatasetVersion> findVersionById(UUID versionId);

    /** Whether one of the dataset's versions holds exactly this content. */
    boolean holdsContent(UUID datasetId, String sha256);

    Optional<Dataset> findById(UUID datasetId);

    long countInProject(UUID projectId);

    void store(Dataset dataset);

    void store(DatasetVersion version);
}
