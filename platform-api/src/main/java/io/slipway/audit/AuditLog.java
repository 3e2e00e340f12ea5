package io.slipway.audit;

import io.slipway.api.Json;
import io.slipway.auth.Actor;
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
 * one organization are serialized by a row lock on the chain head, which each append moves and signs.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final AuditSigning signing;

    @Inject
    public AuditLog(EntityManager em, AuditSigning signing) {
        this.em = em;
        this.signing = signing;
    }

    protected AuditLog() {
        this(null, null);
    }

    public void record(UUID orgId, Actor actor, AuditEntry entry) {
        if (!TenantContext.current().map(orgId::equals).orElse(false)) {
            throw new IllegalStateException("Audit events are recorded inside their organization's tenant scope");
        }
        AuditChainHead head = em.find(AuditChainHead.class, orgId, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            head = new AuditChainHead(orgId, signing.stateWithoutHead(new OrgChainRows(em, orgId)));
            em.persist(head);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChainLink link = new ChainLink(head.state().lastSeq() + 1, now, actor.kind(), actor.id(), actor.name(),
                entry.action(), entry.targetType(), entry.targetId(), entry.projectId(), entry.projectSlug(),
                toJson(entry.before()), toJson(entry.after()));
        AuditEvent event = new AuditEvent(link, head.state().lastHash());
        em.persist(event);
        signing.advance(orgId.toString(), head, event).ifPresent(c -> em.persist(new AuditCheckpoint(c, now)));
    }

    private static String toJson(Object state) {
        return state == null ? null : Json.write(state);
    }
}
