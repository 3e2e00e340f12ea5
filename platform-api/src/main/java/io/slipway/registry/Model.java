package io.slipway.registry;

import io.slipway.artifact.VersionedSeries;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A named model in a project; its versions are numbered 1, 2, ... in upload order. */
@Entity
@Table(name = "models")
public class Model extends VersionedSeries {

    protected Model() {
    }

    public Model(UUID projectId, String name, Instant createdAt, String createdBy) {
        super(projectId, name, createdAt, createdBy);
    }
}
