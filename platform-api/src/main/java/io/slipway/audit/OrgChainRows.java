package io.slipway.audit;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The current organization's chain (the tenant scope filters every query to it). */
final class OrgChainRows implements ChainRows {

    private final EntityManager em;
    private final UUID orgId;

    OrgChainRows(EntityManager em, UUID orgId) {
        this.em = em;
        this.orgId = orgId;
    }

    @Override
    public String chain() {
        return orgId.toString();
    }

    @Override
    public boolean neverEmpty() {
        return true;
    }

    @Override
    public Optional<SignedHead> head() {
        return Optional.ofNullable(em.find(AuditChainHead.class, orgId)).map(h -> new SignedHead(h.state(), h.mac()));
    }

    @Override
    public Optional<Checkpoint> checkpoint(long seq) {
        return checkpoints(seq, seq).stream().findFirst();
    }

    @Override
    public List<Checkpoint> checkpoints(long fromSeq, long toSeq) {
        return em.createQuery("select c from AuditCheckpoint c where c.seq between :from and :to order by c.seq",
                        AuditCheckpoint.class)
                .setParameter("from", fromSeq)
                .setParameter("to", toSeq)
                .getResultStream().map(CheckpointRow::checkpoint).toList();
    }

    @Override
    public List<AuditEvent> events(long fromSeq, int limit) {
        em.clear(); // a full verification reads the chain in batches; keep only the current one in memory
        return em.createQuery("select e from AuditEvent e where e.seq >= :from order by e.seq", AuditEvent.class)
                .setParameter("from", fromSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<String> hashOf(long seq) {
        return em.createQuery("select e.hash from AuditEvent e where e.seq = :seq", String.class)
                .setParameter("seq", seq)
                .getResultStream().findFirst();
    }

    @Override
    public OptionalLong lastEventSeq() {
        Long last = em.createQuery("select max(e.seq) from AuditEvent e", Long.class).getSingleResult();
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }
}
