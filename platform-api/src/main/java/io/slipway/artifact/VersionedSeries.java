package io.slipway.artifact;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A named thing in a project whose content comes in numbered, immutable versions 1, 2, ...: a dataset or a
 * model. The next number is taken under the organization's registration lock, so numbers never repeat.
 */
@MappedSuperclass
public abstract class VersionedSeries {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false, length = 63)
    private String name;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    protected VersionedSeries() {
    }

    protected VersionedSeries(UUID projectId, String name, Instant createdAt, String createdBy) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.name = name;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int latestVersion() {
        return latestVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Takes the next version number. */
    public int nextVersion() {
        return ++latestVersion;
    }
}
