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

/**
 * Appends to the platform's own audit trail, in the caller's transaction (in the platform scope): actions of the
 * platform that concern no single organization, such as garbage collection. Chained, signed and checkpointed
 * exactly like an organization's trail.
 */
@ApplicationScoped
public class PlatformAuditLog {

    /** The platform itself, doing scheduled work. */
    public static final Actor PLATFORM = new Actor.Platform("platform");

    private final EntityManager em;
    private final AuditSigning signing;

    @Inject
    public PlatformAuditLog(EntityManager em, AuditSigning signing) {
        this.em = em;
        this.signing = signing;
    }

    protected PlatformAuditLog() {
        this(null, null);
    }

    /** Records a platform action; {@code entry} names no project. */
    public void record(Actor actor, AuditEntry entry) {
        if (!TenantContext.current().map(TenantContext.PLATFORM::equals).orElse(false)) {
            throw new IllegalStateException("Platform audit events are recorded in the platform scope");
        }
        if (entry.projectId() != null) {
            throw new IllegalArgumentException("Platform actions concern no project");
        }
        PlatformAuditHead head = em.find(PlatformAuditHead.class, PlatformAuditHead.CHAIN,
                LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            head = new PlatformAuditHead(signing.stateWithoutHead(new PlatformChainRows(em)));
            em.persist(head);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChainLink link = new ChainLink(head.state().lastSeq() + 1, now, actor.kind(), actor.id(), actor.name(),
                entry.action(),
                entry.targetType(), entry.targetId(), null, null, toJson(entry.before()), toJson(entry.after()));
        PlatformAuditEvent event = new PlatformAuditEvent(link, head.state().lastHash());
        em.persist(event);
        signing.advance(PlatformAuditHead.CHAIN, head, event)
                .ifPresent(c -> em.persist(new PlatformAuditCheckpoint(c, now)));
    }

    private static String toJson(Object state) {
        return state == null ? null : Json.write(state);
    }
}
