package io.slipway.artifact;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * One immutable, numbered version of a {@link VersionedSeries}: which content (by SHA-256), under which file name
 * and description, who uploaded it when. Datasets and models add what is their own.
 */
@MappedSuperclass
public abstract class ArtifactVersion {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "artifact_sha256", nullable = false, updatable = false, length = 64)
    private String artifactSha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "file_name", updatable = false, length = 255)
    private String fileName;

    @Column(updatable = false, length = 2000)
    private String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "created_by_name", nullable = false, updatable = false, length = 255)
    private String createdByName;

    protected ArtifactVersion() {
    }

    /**
     * @param createdBy     the uploader's user id
     * @param createdByName the uploader's user name, as shown
     */
    protected ArtifactVersion(int number, ReceivedArtifact content, String fileName, String description,
                              Instant createdAt, String createdBy, String createdByName) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.artifactSha256 = content.sha256();
        this.sizeBytes = content.size();
        this.fileName = fileName;
        this.description = description;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.createdByName = createdByName;
    }

    public UUID id() {
        return id;
    }

    public int number() {
        return number;
    }

    public String artifactSha256() {
        return artifactSha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String fileName() {
        return fileName;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public String createdByName() {
        return createdByName;
    }
}
