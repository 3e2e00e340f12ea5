package io.slipway.promotion;

import io.slipway.auth.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One person's approval or rejection of a promotion request, with their comment. */
@Entity
@Table(name = "promotion_decisions")
public class PromotionDecision {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(nullable = false, updatable = false, length = 8)
    private String decision;

    @Column(name = "actor_kind", nullable = false, updatable = false, length = 16)
    private String actorKind;

    @Column(name = "actor_id", nullable = false, updatable = false, length = 64)
    private String actorId;

    @Column(name = "actor_name", nullable = false, updatable = false, length = 255)
    private String actorName;

    @Column(updatable = false, length = 2000)
    private String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PromotionDecision() {
    }

    PromotionDecision(UUID requestId, boolean approve, Actor actor, String comment, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.decision = approve ? "approve" : "reject";
        this.actorKind = actor.kind();
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.comment = comment;
        this.createdAt = createdAt;
    }

    public boolean approves() {
        return "approve".equals(decision);
    }

    public String actorId() {
        return actorId;
    }

    DecisionView view() {
        return new DecisionView(decision, actorKind, actorName, comment, createdAt);
    }
}
