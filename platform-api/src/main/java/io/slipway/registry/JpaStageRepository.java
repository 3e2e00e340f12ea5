package io.slipway.registry;

import io.slipway.auth.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaStageRepository implements StageRepository {

    private final EntityManager em;

    @Inject
    JpaStageRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaStageRepository() {
        this.em = null;
    }

    @Override
    public Optional<ModelStage> holder(UUID modelId, Stage stage) {
        return em.createQuery("select s from ModelStage s where s.modelId = :model and s.stage = :stage"
                        + " and s.slot = 0", ModelStage.class)
                .setParameter("model", modelId)
                .setParameter("stage", stage)
                .getResultStream().findFirst();
    }

    @Override
    public Map<UUID, Stage> stagesOf(List<UUID> versionIds) {
        Map<UUID, Stage> stages = new HashMap<>();
        if (!versionIds.isEmpty()) {
            em.createQuery("select s from ModelStage s where s.versionId in :versions", ModelStage.class)
                    .setParameter("versions", versionIds)
                    .getResultStream().forEach(s -> stages.put(s.versionId(), s.stage()));
        }
        return stages;
    }

    @Override
    public Stage stageOf(UUID versionId) {
        return stagesOf(List.of(versionId)).getOrDefault(versionId, Stage.DEVELOPMENT);
    }

    @Override
    public StageChange move(Model model, Stage stage, ModelVersion version, Stage previousHolderTo,
                            StageChange.Cause cause, Optional<UUID> requestId, Actor actor, Optional<String> reason) {
        if (!stage.singleHolder()) {
            throw new IllegalArgumentException("Only staging and production are moved: " + stage);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<ModelStage> previous = holder(model.id(), stage);
        Stage left = stageOf(version.id());
        // rows go in an order the unique constraints accept: the candidate leaves what it held, the previous
        // holder leaves the stage, then the new rows are written
        em.createQuery("delete from ModelStage s where s.versionId = :version")
                .setParameter("version", version.id()).executeUpdate();
        if (left.singleHolder() && left != stage) { // e.g. staging, left empty by its holder's promotion
            em.persist(new StageChange(model.id(), left, nextSeq(model.id(), left), Optional.of(version.number()),
                    Optional.empty(), cause, requestId, Optional.of(stage), actor, reason, now));
        }
        previous.ifPresent(holder -> em.createQuery("delete from ModelStage s where s.id = :id")
                .setParameter("id", holder.id()).executeUpdate());
        em.persist(new ModelStage(model.id(), stage, version, now));
        Optional<Stage> displacedTo = previous.map(holder -> previousHolderTo);
        if (previous.isPresent() && previousHolderTo == Stage.ARCHIVED) {
            ModelVersion displaced = em.createQuery("select v from ModelVersion v where v.id = :id",
                            ModelVersion.class)
                    .setParameter("id", previous.get().versionId()).getSingleResult();
            em.persist(new ModelStage(model.id(), Stage.ARCHIVED, displaced, now));
        }
        StageChange change = new StageChange(model.id(), stage, nextSeq(model.id(), stage),
                previous.map(ModelStage::versionNumber), Optional.of(version.number()), cause, requestId,
                displacedTo, actor, reason, now);
        em.persist(change);
        em.flush();
        return change;
    }

    private int nextSeq(UUID modelId, Stage stage) {
        Integer last = em.createQuery("select max(c.seq) from StageChange c where c.modelId = :model"
                        + " and c.stage = :stage", Integer.class)
                .setParameter("model", modelId)
                .setParameter("stage", stage)
                .getSingleResult();
        return last == null ? 1 : last + 1;
    }

    @Override
    public List<StageChange> history(UUID modelId, Stage stage, Optional<Integer> beforeSeq, int limit) {
        return em.createQuery("select c from StageChange c where c.modelId = :model and c.stage = :stage"
                        + " and c.seq < :before order by c.seq desc", StageChange.class)
                .setParameter("model", modelId)
                .setParameter("stage", stage)
                .setParameter("before", beforeSeq.orElse(Integer.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<StageChange> lastPromotionTo(UUID modelId, Stage stage, int versionNumber) {
        return em.createQuery("select c from StageChange c where c.modelId = :model and c.stage = :stage"
                        + " and c.toVersion = :version and c.cause <> :rollback order by c.seq desc",
                        StageChange.class)
                .setParameter("model", modelId)
                .setParameter("stage", stage)
                .setParameter("version", versionNumber)
                .setParameter("rollback", StageChange.Cause.ROLLBACK)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
