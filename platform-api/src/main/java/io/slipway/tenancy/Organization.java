package io.slipway.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant. Platform-level: the one entity that is not owned by an organization. */
@Entity
@Table(name = "organizations")
public class Organization {

    /** How many days serving's request log is kept unless the organization says otherwise. */
    public static final int DEFAULT_REQUEST_LOG_RETENTION_DAYS = 30;
    /** The longest an organization may keep it: ten years. */
    public static final int MAX_REQUEST_LOG_RETENTION_DAYS = 3650;

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 63)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "request_log_retention_days", nullable = false)
    private int requestLogRetentionDays = DEFAULT_REQUEST_LOG_RETENTION_DAYS;

    protected Organization() {
    }

    public Organization(UUID id, String slug, String name, Instant createdAt, String createdBy) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    /** Days serving's request log is kept before the retention job deletes it. */
    public int requestLogRetentionDays() {
        return requestLogRetentionDays;
    }

    public void keepRequestLogFor(int days) {
        if (days < 1 || days > MAX_REQUEST_LOG_RETENTION_DAYS) {
            throw new IllegalArgumentException("retention out of range: " + days);
        }
        this.requestLogRetentionDays = days;
    }
}
