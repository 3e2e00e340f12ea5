package io.slipway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/** The columns every chain's events share. Never updated or deleted by Slipway. */
@MappedSuperclass
public abstract class ChainEventRow implements ChainedEvent {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_kind", updatable = false, length = 16)
    private String actorKind;

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

    @Column(name = "before_state", updatable = false, length = 100_000)
    private String beforeState;

    @Column(name = "after_state", updatable = false, length = 100_000)
    private String afterState;

    @Column(name = "prev_hash", nullable = false, updatable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    protected ChainEventRow() {
    }

    protected ChainEventRow(ChainLink link, String prevHash) {
        this.id = UUID.randomUUID();
        this.seq = link.seq();
        this.occurredAt = link.occurredAt();
        this.actorKind = link.actorKind();
        this.actorId = link.actorId();
        this.actorName = link.actorName();
        this.action = link.action();
        this.targetType = link.targetType();
        this.targetId = link.targetId();
        this.beforeState = link.beforeState();
        this.afterState = link.afterState();
        this.prevHash = prevHash;
        this.hash = link.hash(prevHash);
    }

    /** The hashed content of this row, as stored. */
    @Override
    public ChainLink link() {
        return new ChainLink(seq, occurredAt, actorKind, actorId, actorName, action, targetType, targetId, projectId(),
                projectSlug(), beforeState, afterState);
    }

    /** The project the event happened in; chains without projects have none. */
    public UUID projectId() {
        return null;
    }

    /** That project's slug at the time, or null. */
    public String projectSlug() {
        return null;
    }

    public UUID id() {
        return id;
    }

    @Override
    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** The actor's kind ({@code person} for events written before kinds were recorded). */
    public String actorKind() {
        return actorKind == null ? "person" : actorKind;
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

    public String beforeState() {
        return beforeState;
    }

    public String afterState() {
        return afterState;
    }

    @Override
    public String prevHash() {
        return prevHash;
    }

    @Override
    public String hash() {
        return hash;
    }
}
