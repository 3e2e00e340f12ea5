package io.slipway.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One event for one webhook, and what became of its attempts. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {

    /** Where a delivery stands. */
    public enum Status {
        PENDING, DELIVERED, FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int MAX_ERROR_LENGTH = 1000;

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private UUID webhookId;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "event_seq", nullable = false, updatable = false)
    private long eventSeq;

    @Column(name = "event_type", nullable = false, updatable = false, length = 100)
    private String eventType;

    /** {@code pending}, {@code delivered} or {@code failed} (given up). */
    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(UUID webhookId, UUID eventId, long eventSeq, String eventType, Instant now) {
        this.id = UUID.randomUUID();
        this.webhookId = webhookId;
        this.eventId = eventId;
        this.eventSeq = eventSeq;
        this.eventType = eventType;
        this.status = Status.PENDING.label();
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orgId() {
        return orgId;
    }

    public UUID webhookId() {
        return webhookId;
    }

    public UUID eventId() {
        return eventId;
    }

    public long eventSeq() {
        return eventSeq;
    }

    public String eventType() {
        return eventType;
    }

    public Status status() {
        return Status.valueOf(status.toUpperCase(Locale.ROOT));
    }

    public int attempts() {
        return attempts;
    }

    public Integer lastStatusCode() {
        return lastStatusCode;
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    void delivered(int statusCode, Instant now) {
        attempts++;
        lastStatusCode = statusCode; // lastError stays: why the attempts before this one failed
        lastAttemptAt = now;
        status = Status.DELIVERED.label();
        deliveredAt = now;
        nextAttemptAt = null;
    }

    /** A failed attempt: retried at {@code retryAt}, or given up when that is null. */
    void failed(Integer statusCode, String error, Instant now, Instant retryAt) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        lastAttemptAt = now;
        nextAttemptAt = retryAt;
        if (retryAt == null) {
            status = Status.FAILED.label();
        }
    }
}
