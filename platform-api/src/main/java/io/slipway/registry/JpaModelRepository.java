package io.slipway.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaModelRepository implements ModelRepository {

    private final EntityManager em;

    @Inject
    JpaModelRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaModelRepository() {
        this.em = null;
    }

    @Override
    public Optional<Model> findByName(UUID projectId, String name) {
        return em.createQuery("select m from Model m where m.projectId = :project and m.name = :name", Model.class)
                .setParameter("project", projectId)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public List<Model> page(UUID projectId, Optional<String> afterName, int limit) {
        return em.createQuery("select m from Model m where m.projectId = :project and m.name > :after order by m.name",
                        Model.class)
                .setParameter("project", projectId)
                .setParameter("after", afterName.orElse(""))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<ModelVersion> findVersion(UUID modelId, int number) {
        return em.createQuery("select v from ModelVersion v where v.modelId = :model and v.number = :number",
                        ModelVersion.class)
                .setParameter("model", modelId)
                .setParameter("number", number)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<ModelVersion> findVersionById(UUID versionId) {
        return em.createQuery("select v from ModelVersion v where v.id = :id", ModelVersion.class)
                .setParameter("id", versionId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Model> findById(UUID modelId) {
        return em.createQuery("select m from Model m where m.id = :id", Model.class)
                .setParameter("id", modelId)
                .getResultStream().findFirst();
    }

    @Override
    public List<ModelVersion> versionsNewestFirst(UUID modelId, Optional<Integer> belowNumber, int limit) {
        return em.createQuery("""
                        select v from ModelVersion v
                        where v.modelId = :model and v.number < :below
                        order by v.number desc""", ModelVersion.class)
                .setParameter("model", modelId)
                .setParameter("below", belowNumber.orElse(Integer.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<ModelVersion> holderOf(UUID modelId, Stage stage) {
        return em.createQuery("select v from ModelVersion v where v.modelId = :model and v.stage = :stage",
                        ModelVersion.class)
                .setParameter("model", modelId)
                .setParameter("stage", stage)
                .getResultStream().findFirst();
    }

    @Override
    public long countInProject(UUID projectId) {
        return em.createQuery("select count(m) from Model m where m.projectId = :project", Long.class)
                .setParameter("project", projectId)
                .getSingleResult();
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
