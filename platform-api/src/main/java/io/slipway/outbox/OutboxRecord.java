package io.slipway.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One published event, numbered in its organization's outbox sequence (see {@code V6__outbox_webhooks.sql}). */
@Entity
@Table(name = "outbox_events")
class OutboxRecord {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false, length = 200)
    private String source;

    @Column(nullable = false, updatable = false, length = 100)
    private String type;

    @Column(updatable = false, length = 500)
    private String subject;

    @Column(nullable = false, updatable = false, length = 100000)
    private String data;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "relayed_at")
    private Instant relayedAt;

    protected OutboxRecord() {
    }

    OutboxRecord(long seq, UUID projectId, String source, String type, String subject, String data,
                 Instant occurredAt) {
        this.id = UUID.randomUUID();
        this.seq = seq;
        this.projectId = projectId;
        this.source = source;
        this.type = type;
        this.subject = subject;
        this.data = data;
        this.occurredAt = occurredAt;
    }

    RelayedEvent relayed() {
        return new RelayedEvent(orgId, id, seq, projectId, source, type, subject, occurredAt, data);
    }

    void markRelayed(Instant at) {
        this.relayedAt = at;
    }
}
