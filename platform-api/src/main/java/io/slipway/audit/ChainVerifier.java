package io.slipway.audit;

import io.slipway.persistence.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Re-computes the current organization's chain from the stored rows, in pages, and reports the first break. */
@ApplicationScoped
public class ChainVerifier {

    private static final int BATCH = 1000;

    private final EntityManager em;

    @Inject
    public ChainVerifier(EntityManager em) {
        this.em = em;
    }

    protected ChainVerifier() {
        this.em = null;
    }

    /** Must run inside the organization's tenant scope, in a transaction. */
    public ChainVerification verify(UUID orgId) {
        if (!TenantContext.current().map(orgId::equals).orElse(false)) {
            throw new IllegalStateException("Verification runs inside the organization's tenant scope");
        }
        String expectedPrev = ChainLink.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEvent> batch = em.createQuery(
                            "select e from AuditEvent e where e.seq >= :from order by e.seq", AuditEvent.class)
                    .setParameter("from", expectedSeq)
                    .setMaxResults(BATCH)
                    .getResultList();
            for (AuditEvent event : batch) {
                checked++;
                if (event.seq() != expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, "event " + expectedSeq + " is missing");
                }
                if (!event.prevHash().equals(expectedPrev)) {
                    return ChainVerification.broken(checked, event.seq(),
                            "does not link to the event before it (previous hash differs)");
                }
                if (!event.link().hash(event.prevHash()).equals(event.hash())) {
                    return ChainVerification.broken(checked, event.seq(),
                            "its content no longer matches its hash (the row was changed)");
                }
                expectedPrev = event.hash();
                expectedSeq++;
            }
            em.clear();
            if (batch.size() < BATCH) {
                break;
            }
        }
        AuditChainHead head = em.find(AuditChainHead.class, orgId);
        long lastSeq = expectedSeq - 1;
        if (head != null && (head.lastSeq() != lastSeq || !head.lastHash().equals(expectedPrev))) {
            return ChainVerification.broken(checked, lastSeq + 1,
                    "the chain ends at event " + lastSeq + " but " + head.lastSeq() + " were recorded");
        }
        return ChainVerification.ok(checked);
    }
}
