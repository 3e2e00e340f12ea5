package io.slipway.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaRunRepository implements RunRepository {

    private final EntityManager em;

    @Inject
    JpaRunRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaRunRepository() {
        this.em = null;
    }

    @Override
    public void store(Run run) {
        em.persist(run);
    }

    @Override
    public void store(RunMetric metric) {
        em.persist(metric);
    }

    @Override
    public Optional<Run> find(UUID projectId, UUID runId) {
        return findById(runId).filter(run -> run.projectId().equals(projectId));
    }

    @Override
    public Optional<Run> findById(UUID runId) {
        return em.createQuery("select r from Run r where r.id = :id", Run.class).setParameter("id", runId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Run> findByTokenHash(String tokenHash) {
        return em.createQuery("select r from Run r where r.tokenHash = :hash", Run.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    @Override
    public List<Run> page(UUID projectId, Optional<Integer> beforeNumber, int limit) {
        return em.createQuery("select r from Run r where r.projectId = :project and r.number < :before"
                        + " order by r.number desc", Run.class)
                .setParameter("project", projectId)
                .setParameter("before", beforeNumber.orElse(Integer.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public int nextNumber(UUID projectId) {
        Integer max = em.createQuery("select max(r.number) from Run r where r.projectId = :project", Integer.class)
                .setParameter("project", projectId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    @Override
    public List<Run> inState(String pool, RunState state) {
        return em.createQuery("select r from Run r where r.pool = :pool and r.state = :state order by r.createdAt",
                        Run.class)
                .setParameter("pool", pool).setParameter("state", state).getResultList();
    }

    @Override
    public List<Run> running() {
        return em.createQuery("select r from Run r where r.state = :state", Run.class)
                .setParameter("state", RunState.RUNNING).getResultList();
    }

    @Override
    public List<Run> runningOf(UUID orgId) {
        return em.createQuery("select r from Run r where r.orgId = :org and r.state = :state", Run.class)
                .setParameter("org", orgId).setParameter("state", RunState.RUNNING).getResultList();
    }

    @Override
    public java.util.Map<String, Long> queuedCounts() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        em.createQuery("select r.pool, count(r) from Run r where r.state = :state group by r.pool", Object[].class)
                .setParameter("state", RunState.QUEUED).getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public long queuedAhead(UUID orgId, String pool, Instant createdAt) {
        return em.createQuery("select count(r) from Run r where r.orgId = :org and r.pool = :pool"
                        + " and r.state = :state and r.createdAt < :created", Long.class)
                .setParameter("org", orgId).setParameter("pool", pool).setParameter("state", RunState.QUEUED)
                .setParameter("created", createdAt).getSingleResult();
    }

    @Override
    public List<Run> gpuRunsSince(Instant since) {
        return em.createQuery("select r from Run r where r.gpus > 0 and r.startedAt is not null"
                        + " and (r.endedAt is null or r.endedAt >= :since)", Run.class)
                .setParameter("since", since).getResultList();
    }

    @Override
    public Optional<RunMetric> metric(UUID runId, String name, long step) {
        return Optional.ofNullable(em.find(RunMetric.class, new RunMetric.Key(runId, name, step)));
    }

    @Override
    public List<RunMetric> metrics(UUID runId) {
        return em.createQuery("select m from RunMetric m where m.runId = :run order by m.name, m.step",
                RunMetric.class).setParameter("run", runId).getResultList();
    }
}
