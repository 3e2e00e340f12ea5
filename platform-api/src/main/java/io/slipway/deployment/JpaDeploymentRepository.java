package io.slipway.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaDeploymentRepository implements DeploymentRepository {

    private final EntityManager em;

    @Inject
    JpaDeploymentRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaDeploymentRepository() {
        this.em = null;
    }

    @Override
    public void store(Deployment deployment) {
        em.persist(deployment);
    }

    @Override
    public void store(DeploymentStatus status) {
        em.persist(status);
    }

    @Override
    public Optional<Deployment> findByName(UUID projectId, String name) {
        return em.createQuery("select d from Deployment d where d.projectId = :project and d.name = :name", Deployment.class)
                .setParameter("project", projectId)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Deployment> findById(UUID deploymentId) {
        return Optional.ofNullable(em.find(Deployment.class, deploymentId));
    }

    @Override
    public Optional<DeploymentStatus> status(UUID deploymentId) {
        return Optional.ofNullable(em.find(DeploymentStatus.class, deploymentId));
    }

    @Override
    public List<Deployment> page(UUID projectId, Optional<String> afterName, int limit) {
        return em.createQuery("select d from Deployment d where d.projectId = :project and d.name > :after"
                        + " order by d.name", Deployment.class)
                .setParameter("project", projectId)
                .setParameter("after", afterName.orElse(""))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Deployment> inProject(UUID projectId) {
        return em.createQuery("select d from Deployment d where d.projectId = :project order by d.name", Deployment.class)
                .setParameter("project", projectId)
                .getResultList();
    }

    @Override
    public List<DeploymentRef> all() {
        return em.createQuery("select d.orgId, d.id from Deployment d", Object[].class).getResultStream()
                .map(row -> new DeploymentRef((UUID) row[0], (UUID) row[1])).toList();
    }

    @Override
    public Watermark watermark() {
        Object[] deployments = em.createQuery("select count(d), max(d.updatedAt) from Deployment d", Object[].class)
                .getSingleResult();
        java.time.Instant stages = em.createQuery("select max(h.createdAt) from StageChange h", java.time.Instant.class)
                .getSingleResult();
        return new Watermark(((Number) deployments[0]).longValue(),
                java.util.Optional.ofNullable((java.time.Instant) deployments[1]), java.util.Optional.ofNullable(stages));
    }

    @Override
    public void remove(Deployment deployment) {
        status(deployment.id()).ifPresent(em::remove);
        em.remove(deployment);
    }
}
