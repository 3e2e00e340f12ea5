package io.slipway.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaPoolRepository implements PoolRepository {

    private final EntityManager em;

    @Inject
    JpaPoolRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaPoolRepository() {
        this.em = null;
    }

    @Override
    public void store(ComputePool pool) {
        em.persist(pool);
    }

    @Override
    public Optional<ComputePool> findByName(String name) {
        return Optional.ofNullable(em.find(ComputePool.class, name));
    }

    @Override
    public List<ComputePool> all() {
        return em.createQuery("select p from ComputePool p order by p.name", ComputePool.class).getResultList();
    }

    @Override
    public void store(OrgQuota quota) {
        em.persist(quota);
    }

    @Override
    public Optional<OrgQuota> quota(UUID orgId, String pool) {
        return em.createQuery("select q from OrgQuota q where q.orgId = :org and q.pool = :pool", OrgQuota.class)
                .setParameter("org", orgId).setParameter("pool", pool).getResultStream().findFirst();
    }

    @Override
    public List<OrgQuota> quotasOf(UUID orgId) {
        return em.createQuery("select q from OrgQuota q where q.orgId = :org order by q.pool", OrgQuota.class)
                .setParameter("org", orgId).getResultList();
    }

    @Override
    public List<OrgQuota> quotasOn(String pool) {
        return em.createQuery("select q from OrgQuota q where q.pool = :pool", OrgQuota.class)
                .setParameter("pool", pool).getResultList();
    }
}
