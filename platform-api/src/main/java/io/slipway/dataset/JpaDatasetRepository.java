package io.slipway.dataset;

import io.slipway.artifact.SeriesQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaDatasetRepository implements DatasetRepository {

    private final EntityManager em;
    private final SeriesQueries<Dataset, DatasetVersion> queries;

    @Inject
    JpaDatasetRepository(EntityManager em) {
        this.em = em;
        this.queries = new SeriesQueries<>(em, Dataset.class, DatasetVersion.class, "datasetId");
    }

    protected JpaDatasetRepository() {
        this.em = null;
        this.queries = null;
    }

    @Override
    public Optional<Dataset> findByName(UUID projectId, String name) {
        return queries.findByName(projectId, name);
    }

    @Override
    public List<Dataset> page(UUID projectId, Optional<String> afterName, int limit) {
        return queries.page(projectId, afterName, limit);
    }

    @Override
    public Optional<DatasetVersion> findVersion(UUID datasetId, int number) {
        return queries.findVersion(datasetId, number);
    }

    @Override
    public List<DatasetVersion> versionsNewestFirst(UUID datasetId, Optional<Integer> belowNumber, int limit) {
        return queries.versionsNewestFirst(datasetId, belowNumber, limit);
    }

    @Override
    public Optional<DatasetVersion> findVersionById(UUID versionId) {
        return queries.findVersionById(versionId);
    }

    @Override
    public boolean holdsContent(UUID datasetId, String sha256) {
        return queries.holdsContent(datasetId, sha256);
    }

    @Override
    public Optional<Dataset> findById(UUID datasetId) {
        return queries.findById(datasetId);
    }

    @Override
    public long countInProject(UUID projectId) {
        return queries.countInProject(projectId);
    }

    @Override
    public void store(Dataset dataset) {
        em.persist(dataset);
    }

    @Override
    public void store(DatasetVersion version) {
        em.persist(version);
    }
}
