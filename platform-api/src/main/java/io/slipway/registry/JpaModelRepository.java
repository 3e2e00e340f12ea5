package io.slipway.registry;

import io.slipway.artifact.SeriesQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaModelRepository implements ModelRepository {

    private final EntityManager em;
    private final SeriesQueries<Model, ModelVersion> queries;

    @Inject
    JpaModelRepository(EntityManager em) {
        this.em = em;
        this.queries = new SeriesQueries<>(em, Model.class, ModelVersion.class, "modelId");
    }

    protected JpaModelRepository() {
        this.em = null;
        this.queries = null;
    }

    @Override
    public Optional<Model> findByName(UUID projectId, String name) {
        return queries.findByName(projectId, name);
    }

    @Override
    public List<Model> page(UUID projectId, Optional<String> afterName, int limit) {
        return queries.page(projectId, afterName, limit);
    }

    @Override
    public Optional<ModelVersion> findVersion(UUID modelId, int number) {
        return queries.findVersion(modelId, number);
    }

    @Override
    public Optional<ModelVersion> findVersionById(UUID versionId) {
        return queries.findVersionById(versionId);
    }

    @Override
    public boolean holdsContent(UUID modelId, String sha256) {
        return queries.holdsContent(modelId, sha256);
    }

    @Override
    public Optional<Model> findById(UUID modelId) {
        return queries.findById(modelId);
    }

    @Override
    public List<ModelVersion> versionsNewestFirst(UUID modelId, Optional<Integer> belowNumber, int limit) {
        return queries.versionsNewestFirst(modelId, belowNumber, limit);
    }

    @Override
    public Model lock(Model model) {
        em.lock(model, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(model);
        return model;
    }

    @Override
    public long countInProject(UUID projectId) {
        return queries.countInProject(projectId);
    }

    @Override
    public void store(Model model) {
        em.persist(model);
    }

    @Override
    public void store(ModelVersion version) {
        em.persist(version);
    }
}
