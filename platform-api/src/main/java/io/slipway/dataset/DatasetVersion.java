package io.slipway.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One immutable version of a dataset: which content, what it looked like, who uploaded it when. */
@Entity
@Table(name = "dataset_versions")
public class DatasetVersion {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "dataset_id", nullable = false, updatable = false)
    private UUID datasetId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "artifact_sha256", nullable = false, updatable = false, length = 64)
    private String artifactSha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "media_type", nullable = false, updatable = false, length = 255)
    private String mediaType;

    @Column(name = "file_name", updatable = false, length = 255)
    private String fileName;

    @Column(updatable = false, length = 2000)
    private String description;

    @Column(name = "row_count", updatable = false)
    private Long rowCount;

    @Column(name = "columns_json", updatable = false, length = 100_000)
    private String columnsJson;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "created_by_name", nullable = false, updatable = false, length = 255)
    private String createdByName;

    protected DatasetVersion() {
    }

    DatasetVersion(UUID datasetId, int number, String artifactSha256, long sizeBytes, String mediaType,
                   String fileName, String description, Long rowCount, String columnsJson, Instant createdAt,
                   String createdBy, String createdByName) {
        this.id = UUID.randomUUID();
        this.datasetId = datasetId;
        this.number = number;
        this.artifactSha256 = artifactSha256;
        this.sizeBytes = sizeBytes;
        this.mediaType = mediaType;
        this.fileName = fileName;
        this.description = description;
        this.rowCount = rowCount;
        this.columnsJson = columnsJson;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.createdByName = createdByName;
    }

    public UUID id() {
        return id;
    }

    public UUID datasetId() {
        return datasetId;
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

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String description() {
        return description;
    }

    public Long rowCount() {
        return rowCount;
    }

    public String columnsJson() {
        return columnsJson;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdByName() {
        return createdByName;
    }
}
