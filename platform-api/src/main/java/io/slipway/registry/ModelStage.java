package io.slipway.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * That a version holds a stage of its model. The database keeps one holder per single-holder stage (staging,
 * production) and one stage per version; a version with no row is in development.
 */
@Entity
@Table(name = "model_stages")
public class ModelStage {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "model_id", nullable = false, updatable = false)
    private UUID modelId;

    @Convert(converter = StageConverter.class)
    @Column(nullable = false, updatable = false, length = 16)
    private Stage stage;

    @Column(nullable = false, updatable = false)
    private int slot;

    @Column(name = "version_id", nullable = false, updatable = false)
    private UUID versionId;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    @Column(nullable = false, updatable = false)
    private Instant since;

    protected ModelStage() {
    }

    ModelStage(UUID modelId, Stage stage, ModelVersion version, Instant since) {
        if (stage == Stage.DEVELOPMENT) {
            throw new IllegalArgumentException("Development is holding no stage, not a row");
        }
        this.id = UUID.randomUUID();
        this.modelId = modelId;
        this.stage = stage;
        this.slot = stage == Stage.ARCHIVED ? version.number() : 0;
        this.versionId = version.id();
        this.versionNumber = version.number();
        this.since = since;
    }

    public UUID id() {
        return id;
    }

    public Stage stage() {
        return stage;
    }

    public UUID versionId() {
        return versionId;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public Instant since() {
        return since;
    }
}
