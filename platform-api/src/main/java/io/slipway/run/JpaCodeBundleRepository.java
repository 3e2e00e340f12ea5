package io.slipway.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaCodeBundleRepository implements CodeBundleRepository {

    private final EntityManager em;

    @Inject
    JpaCodeBundleRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaCodeBundleRepository() {
        this.em = null;
    }

    @Override
    public void store(CodeBundle bundle) {
        em.persist(bundle);
    }

    @Override
    public Optional<CodeBundle> find(UUID projectId, UUID id) {
        return em.createQuery("select b from CodeBundle b where b.projectId = :project and b.id = :id",
                        CodeBundle.class)
                .setParameter("project", projectId).setParameter("id", id).getResultStream().findFirst();
    }

    @Override
    public Optional<CodeBundle> findBySha256(UUID projectId, String sha256) {
        return em.createQuery("select b from CodeBundle b where b.projectId = :project and b.sha256 = :sha",
                        CodeBundle.class)
                .setParameter("project", projectId).setParameter("sha", sha256).getResultStream().findFirst();
    }

    @Override
    public List<CodeBundle> newest(UUID projectId, int limit) {
        return em.createQuery("select b from CodeBundle b where b.projectId = :project"
                        + " order by b.createdAt desc, b.id", CodeBundle.class)
                .setParameter("project", projectId).setMaxResults(limit).getResultList();
    }
}
