package io.slipway.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaAuditEventRepository implements AuditEventRepository {

    private final EntityManager em;

    @Inject
    JpaAuditEventRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaAuditEventRepository() {
        this.em = null;
    }

    @Override
    public List<AuditEvent> pageNewestFirst(Optional<UUID> projectId, Optional<Instant> since,
                                            Optional<Long> beforeSeq, int limit) {
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where e.seq < :before");
        projectId.ifPresent(p -> jpql.append(" and e.projectId = :project"));
        since.ifPresent(s -> jpql.append(" and e.occurredAt >= :since"));
        jpql.append(" order by e.seq desc");
        TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class)
                .setParameter("before", beforeSeq.orElse(Long.MAX_VALUE))
                .setMaxResults(limit);
        projectId.ifPresent(p -> query.setParameter("project", p));
        since.ifPresent(s -> query.setParameter("since", s));
        return query.getResultList();
    }

    @Override
    public List<PlatformAuditEvent> platformPageNewestFirst(Optional<Long> beforeSeq, int limit) {
        return em.createQuery("select e from PlatformAuditEvent e where e.seq < :before order by e.seq desc",
                        PlatformAuditEvent.class)
                .setParameter("before", beforeSeq.orElse(Long.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList();
    }
}
