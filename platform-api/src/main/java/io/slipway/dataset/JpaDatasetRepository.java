package io.slipway.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaDatasetRepository implements DatasetRepository {

    private final EntityManager em;

    @Inject
    JpaDatasetRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaDatasetRepository() {
        this.em = null;
    }

    @Override
    public Optional<Dataset> findByName(UUID projectId, String name) {
        return em.createQuery("select d from Dataset d where d.projectId = :project and d.name = :name", Dataset.class)
                .setParameter("project", projectId)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public List<Dataset> page(UUID projectId, Optional<String> afterName, int limit) {
        return em.createQuery("select d from Dataset d where d.projectId = :project and d.name > :after order by d.name",
                        Dataset.class)
                .setParameter("project", projectId)
                .setParameter("after", afterName.orElse(""))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<DatasetVersion> findVersion(UUID datasetId, int number) {
        return em.createQuery("select v from DatasetVersion v where v.datasetId = :dataset and v.number = :number",
                        DatasetVersion.class)
                .setParameter("dataset", datasetId)
                .setParameter("number", number)
                .getResultStream().findFirst();
    }

    @Override
    public List<DatasetVersion> versionsNewestFirst(UUID datasetId, Optional<Integer> belowNumber, int limit) {
        return em.createQuery("""
                        select v from DatasetVersion v
                        where v.datasetId = :dataset and v.number < :below
                        order by v.number desc""", DatasetVersion.class)
                .setParameter("dataset", datasetId)
                .setParameter("below", belowNumber.orElse(Integer.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<DatasetVersion> findVersionById(UUID versionId) {
        return em.createQuery("select v from DatasetVersion v where v.id = :id", DatasetVersion.class)
                .setParameter("id", versionId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Dataset> findById(UUID datasetId) {
        return em.createQuery("select d from Dataset d where d.id = :id", Dataset.class)
                .setParameter("id", datasetId)
                .getResultStream().findFirst();
    }

    @Override
    public long countInProject(UUID projectId) {
        return em.createQuery("select count(d) from Dataset d where d.projectId = :project", Long.class)
                .setParameter("project", projectId)
                .getSingleResult();
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
