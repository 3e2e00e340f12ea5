package io.slipway.audit;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The platform's chain (read in the platform scope). */
final class PlatformChainRows implements ChainRows {

    private final EntityManager em;

    PlatformChainRows(EntityManager em) {
        this.em = em;
    }

    @Override
    public String chain() {
        return PlatformAuditHead.CHAIN;
    }

    @Override
    public boolean neverEmpty() {
        return false;
    }

    @Override
    public Optional<SignedHead> head() {
        return Optional.ofNullable(em.find(PlatformAuditHead.class, PlatformAuditHead.CHAIN))
                .map(h -> new SignedHead(h.state(), h.mac()));
    }

    @Override
    public Optional<Checkpoint> checkpoint(long seq) {
        return checkpoints(seq, seq).stream().findFirst();
    }

    @Override
    public List<Checkpoint> checkpoints(long fromSeq, long toSeq) {
        return em.createQuery("select c from PlatformAuditCheckpoint c where c.seq between :from and :to "
                        + "order by c.seq", PlatformAuditCheckpoint.class)
                .setParameter("from", fromSeq)
                .setParameter("to", toSeq)
                .getResultStream().map(CheckpointRow::checkpoint).toList();
    }

    @Override
    public List<PlatformAuditEvent> events(long fromSeq, int limit) {
        em.clear();
        return em.createQuery("select e from PlatformAuditEvent e where e.seq >= :from order by e.seq",
                        PlatformAuditEvent.class)
                .setParameter("from", fromSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<String> hashOf(long seq) {
        return em.createQuery("select e.hash from PlatformAuditEvent e where e.seq = :seq", String.class)
                .setParameter("seq", seq)
                .getResultStream().findFirst();
    }

    @Override
    public OptionalLong lastEventSeq() {
        Long last = em.createQuery("select max(e.seq) from PlatformAuditEvent e", Long.class).getSingleResult();
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }
}
