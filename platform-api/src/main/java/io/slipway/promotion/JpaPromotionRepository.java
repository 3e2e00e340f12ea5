package io.slipway.promotion;

import io.slipway.registry.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaPromotionRepository implements PromotionRepository {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final EntityManager em;

    @Inject
    JpaPromotionRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaPromotionRepository() {
        this.em = null;
    }

    @Override
    public Optional<PromotionRequest> find(UUID projectId, UUID id) {
        return em.createQuery("select r from PromotionRequest r where r.projectId = :project and r.id = :id",
                        PromotionRequest.class)
                .setParameter("project", projectId)
                .setParameter("id", id)
                .getResultStream().findFirst();
    }

    @Override
    public List<PromotionRequest> page(UUID projectId, Optional<PromotionRequest.State> state,
                                       Optional<Instant> before, int limit) {
        TypedQuery<PromotionRequest> query = em.createQuery("select r from PromotionRequest r"
                        + " where r.projectId = :project and r.createdAt < :before"
                        + (state.isPresent() ? " and r.state = :state" : "")
                        + " order by r.createdAt desc", PromotionRequest.class)
                .setParameter("project", projectId)
                .setParameter("before", before.orElse(END_OF_TIME))
                .setMaxResults(limit);
        state.ifPresent(s -> query.setParameter("state", s));
        return query.getResultList();
    }

    @Override
    public List<PromotionRequest> pending(UUID modelId, Stage stage) {
        return em.createQuery("select r from PromotionRequest r where r.modelId = :model"
                        + " and r.targetStage = :stage and r.state = :pending order by r.createdAt",
                        PromotionRequest.class)
                .setParameter("model", modelId)
                .setParameter("stage", stage)
                .setParameter("pending", PromotionRequest.State.PENDING)
                .getResultList();
    }

    @Override
    public void store(PromotionRequest request) {
        em.persist(request);
    }

    @Override
    public void refresh(PromotionRequest request) {
        em.refresh(request);
    }

    @Override
    public List<PromotionDecision> decisions(UUID requestId) {
        return em.createQuery("select d from PromotionDecision d where d.requestId = :request"
                        + " order by d.createdAt", PromotionDecision.class)
                .setParameter("request", requestId)
                .getResultList();
    }

    @Override
    public void store(PromotionDecision decision) {
        em.persist(decision);
    }

    @Override
    public Optional<PromotionPolicy> policy(UUID projectId) {
        return em.createQuery("select p from PromotionPolicy p where p.projectId = :project", PromotionPolicy.class)
                .setParameter("project", projectId)
                .getResultStream().findFirst();
    }

    @Override
    public void store(PromotionPolicy policy) {
        em.persist(policy);
    }
}
