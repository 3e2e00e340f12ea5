package io.slipway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One recorded change. Never updated or deleted by Slipway. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", nullable = false, updatable = false, length = 64)
    private String actorId;

    @Column(name = "actor_name", nullable = false, updatable = false, length = 255)
    private String actorName;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(name = "target_type", nullable = false, updatable = false, length = 32)
    private String targetType;

    @Column(name = "target_id", nullable = false, updatable = false, length = 512)
    private String targetId;

    @Column(name = "project_id", updatable = false)
    private UUID projectId;

    @Column(name = "project_slug", updatable = false, length = 63)
    private String projectSlug;

    @Column(name = "before_state", updatable = false, length = 100_000)
    private String beforeState;

    @Column(name = "after_state", updatable = false, length = 100_000)
    private String afterState;

    @Column(name = "prev_hash", nullable = false, updatable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    protected AuditEvent() {
    }

    AuditEvent(ChainLink link, String prevHash) {
        this.id = UUID.randomUUID();
        this.seq = link.seq();
        this.occurredAt = link.occurredAt();
        this.actorId = link.actorId();
        this.actorName = link.actorName();
        this.action = link.action();
        this.targetType = link.targetType();
        this.targetId = link.targetId();
        this.projectId = link.projectId();
        this.projectSlug = link.projectSlug();
        this.beforeState = link.beforeState();
        this.afterState = link.afterState();
        this.prevHash = prevHash;
        this.hash = link.hash(prevHash);
    }

    /** The hashed content of this row, as stored. */
    public ChainLink link() {
        return new ChainLink(seq, occurredAt, actorId, actorName, action, targetType, targetId, projectId,
                projectSlug, beforeState, afterState);
    }

    public UUID id() {
        return id;
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public String projectSlug() {
        return projectSlug;
    }

    public String beforeState() {
        return beforeState;
    }

    public String afterState() {
        return afterState;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
