package io.slipway.deployment;

import io.slipway.registry.Stage;
import io.slipway.registry.StageConverter;
import io.slipway.serving.BatchingSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * What a user set for a deployment: its model, the stage it follows or the version it is pinned to, the pool it
 * runs in, its batching and who may call it. What the runtime observes is kept apart, in {@link DeploymentStatus}.
 */
@Entity
@Table(name = "deployments")
public class Deployment {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false, length = 63)
    private String name;

    @Column(name = "model_id", nullable = false, updatable = false)
    private UUID modelId;

    @Convert(converter = StageConverter.class)
    @Column(length = 16)
    private Stage stage;

    @Column(name = "pinned_version")
    private Integer pinnedVersion;

    @Column(nullable = false, length = 63)
    private String pool;

    @Column(nullable = false)
    private int replicas;

    @Column(nullable = false)
    private boolean batching;

    @Column(name = "batch_max_size", nullable = false)
    private int batchMaxSize;

    @Column(name = "batch_max_delay_ms", nullable = false)
    private int batchMaxDelayMs;

    @Column(name = "viewers_may_infer", nullable = false)
    private boolean viewersMayInfer;

    @Column(name = "payload_sample_rate", nullable = false)
    private double payloadSampleRate;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(nullable = false)
    private long version;

    protected Deployment() {
    }

    Deployment(UUID projectId, String name, UUID modelId, DeploymentTarget target, ServingSettings settings,
               Instant now, String createdBy) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.name = name;
        this.modelId = modelId;
        this.createdAt = now;
        this.createdBy = createdBy;
        change(target, settings, now);
    }

    void change(DeploymentTarget target, ServingSettings settings, Instant now) {
        this.stage = target.stage().orElse(null);
        this.pinnedVersion = target.pinnedVersion().isPresent() ? target.pinnedVersion().getAsInt() : null;
        this.pool = settings.pool();
        this.replicas = settings.replicas();
        this.batching = settings.batching().enabled();
        this.batchMaxSize = settings.batching().maxBatchSize();
        this.batchMaxDelayMs = (int) settings.batching().maxDelay().toMillis();
        this.viewersMayInfer = settings.viewersMayInfer();
        this.payloadSampleRate = settings.payloadSampleRate();
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orgId() {
        return orgId;
    }

    public UUID projectId() {
        return projectId;
    }

    public String name() {
        return name;
    }

    public UUID modelId() {
        return modelId;
    }

    public DeploymentTarget target() {
        return stage != null ? DeploymentTarget.following(stage) : DeploymentTarget.pinnedTo(pinnedVersion);
    }

    public ServingSettings settings() {
        BatchingSettings batchingSettings = new BatchingSettings(batching, batchMaxSize, Duration.ofMillis(batchMaxDelayMs));
        return new ServingSettings(pool, replicas, batchingSettings, viewersMayInfer, payloadSampleRate);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The stage a deployment follows, or the version it is pinned to: exactly one of the two. */
    public record DeploymentTarget(Optional<Stage> stage, OptionalInt pinnedVersion) {

        public static DeploymentTarget following(Stage stage) {
            return new DeploymentTarget(Optional.of(stage), OptionalInt.empty());
        }

        public static DeploymentTarget pinnedTo(int version) {
            return new DeploymentTarget(Optional.empty(), OptionalInt.of(version));
        }

        public boolean followsProduction() {
            return stage.filter(s -> s == Stage.PRODUCTION).isPresent();
        }
    }
}
