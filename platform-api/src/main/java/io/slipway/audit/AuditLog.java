package io.slipway.audit;

import io.slipway.api.Json;
import io.slipway.auth.Caller;
import io.slipway.persistence.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Appends audit events in the caller's transaction: if the change rolls back, so does its event. Appends in
 * one organization are serialized by a row lock on the chain head.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;

    @Inject
    public AuditLog(EntityManager em) {
        this.em = em;
    }

    protected AuditLog() {
        this.em = null;
    }

    public void record(UUID orgId, Caller actor, AuditEntry entry) {
        if (!TenantContext.current().map(orgId::equals).orElse(false)) {
            throw new IllegalStateException("Audit events are recorded inside their organization's tenant scope");
        }
        AuditChainHead head = em.find(AuditChainHead.class, orgId, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            head = new AuditChainHead(orgId);
            em.persist(head);
        }
        ChainLink link = new ChainLink(head.lastSeq() + 1, Instant.now().truncatedTo(ChronoUnit.MICROS),
                actor.userId(), actor.username(), entry.action(), entry.targetType(), entry.targetId(),
                entry.projectId(), entry.projectSlug(), toJson(entry.before()), toJson(entry.after()));
        AuditEvent event = new AuditEvent(link, head.lastHash());
        em.persist(event);
        head.advance(event);
    }

    private static String toJson(Object state) {
        return state == null ? null : Json.write(state);
    }
}
