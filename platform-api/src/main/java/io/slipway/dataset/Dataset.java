package io.slipway.dataset;

import io.slipway.artifact.VersionedSeries;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A named dataset in a project; its versions are numbered 1, 2, ... in upload order. */
@Entity
@Table(name = "datasets")
public class Dataset extends VersionedSeries {

    protected Dataset() {
    }

    public Dataset(UUID projectId, String name, Instant createdAt, String createdBy) {
        super(projectId, name, createdAt, createdBy);
    }
}
