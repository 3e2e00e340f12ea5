package io.slipway.dataset;

import io.slipway.artifact.ArtifactVersion;
import io.slipway.artifact.ReceivedArtifact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One immutable version of a dataset: which content, what it looked like, who uploaded it when. */
@Entity
@Table(name = "dataset_versions")
public class DatasetVersion extends ArtifactVersion {

    @Column(name = "dataset_id", nullable = false, updatable = false)
    private UUID datasetId;

    @Column(name = "media_type", nullable = false, updatable = false, length = 255)
    private String mediaType;

    @Column(name = "row_count", updatable = false)
    private Long rowCount;

    @Column(name = "columns_json", updatable = false, length = 100_000)
    private String columnsJson;

    protected DatasetVersion() {
    }

    DatasetVersion(UUID datasetId, int number, ReceivedArtifact content, String mediaType, String fileName,
                   String description, Long rowCount, String columnsJson, Instant createdAt, String createdBy,
                   String createdByName) {
        super(number, content, fileName, description, createdAt, createdBy, createdByName);
        this.datasetId = datasetId;
        this.mediaType = mediaType;
        this.rowCount = rowCount;
        this.columnsJson = columnsJson;
    }

    public UUID datasetId() {
        return datasetId;
    }

    public String mediaType() {
        return mediaType;
    }

    public Long rowCount() {
        return rowCount;
    }

    public String columnsJson() {
        return columnsJson;
    }
}
