package io.slipway.artifact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A distinct content in an organization: its SHA-256 names it and its object ({@code sha256/<hex>} in the
 * organization's bucket). Unique per organization; a session sees one organization, so the hash identifies it.
 */
@Entity
@Table(name = "artifacts")
public class Artifact {

    @Id
    @Column(length = 64)
    private String sha256;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "object_key", nullable = false, updatable = false, length = 80)
    private String objectKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    protected Artifact() {
    }

    public Artifact(String sha256, long sizeBytes, String objectKey, Instant createdAt, String createdBy) {
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.objectKey = objectKey;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String objectKey() {
        return objectKey;
    }
}
