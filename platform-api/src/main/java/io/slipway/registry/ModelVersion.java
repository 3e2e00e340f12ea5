package io.slipway.registry;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One immutable version of a model. Only its stage changes (through promotion and rollback). */
@Entity
@Table(name = "model_versions")
public class ModelVersion {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "model_id", nullable = false, updatable = false)
    private UUID modelId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "artifact_sha256", nullable = false, updatable = false, length = 64)
    private String artifactSha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "file_name", updatable = false, length = 255)
    private String fileName;

    @Convert(converter = FormatConverter.class)
    @Column(nullable = false, updatable = false, length = 16)
    private ModelFormat format;

    @Column(nullable = false, updatable = false)
    private boolean servable;

    @Column(name = "signature_json", updatable = false, length = 100_000)
    private String signatureJson;

    @Column(updatable = false, length = 2000)
    private String description;

    @Column(updatable = false, length = 64)
    private String framework;

    @Column(name = "params_json", updatable = false, length = 100_000)
    private String paramsJson;

    @Column(name = "metrics_json", updatable = false, length = 100_000)
    private String metricsJson;

    @Column(name = "tags_json", updatable = false, length = 10_000)
    private String tagsJson;

    @Column(name = "source_repository", updatable = false, length = 512)
    private String sourceRepository;

    @Column(name = "source_commit", updatable = false, length = 64)
    private String sourceCommit;

    @Column(name = "run_id", updatable = false)
    private UUID runId;

    @Convert(converter = StageConverter.class)
    @Column(nullable = false, length = 16)
    private Stage stage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "created_by_name", nullable = false, updatable = false, length = 255)
    private String createdByName;

    protected ModelVersion() {
    }

    ModelVersion(UUID modelId, int number, String artifactSha256, long sizeBytes, String fileName,
                 ModelFormat format, String signatureJson, VersionMetadata metadata, Instant createdAt,
                 String createdBy, String createdByName) {
        this.id = UUID.randomUUID();
        this.modelId = modelId;
        this.number = number;
        this.artifactSha256 = artifactSha256;
        this.sizeBytes = sizeBytes;
        this.fileName = fileName;
        this.format = format;
        this.servable = format.servable();
        this.signatureJson = signatureJson;
        this.description = metadata.description();
        this.framework = metadata.framework();
        this.paramsJson = metadata.paramsJson();
        this.metricsJson = metadata.metricsJson();
        this.tagsJson = metadata.tagsJson();
        this.sourceRepository = metadata.sourceRepository();
        this.sourceCommit = metadata.sourceCommit();
        this.runId = metadata.runId();
        this.stage = Stage.DEVELOPMENT;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.createdByName = createdByName;
    }

    /** The metadata columns of a version, already serialized. */
    record VersionMetadata(String description, String framework, String paramsJson, String metricsJson,
                           String tagsJson, String sourceRepository, String sourceCommit, UUID runId) {
    }

    public UUID id() {
        return id;
    }

    public UUID modelId() {
        return modelId;
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

    public ModelFormat format() {
        return format;
    }

    public boolean servable() {
        return servable;
    }

    public String signatureJson() {
        return signatureJson;
    }

    public VersionMetadata metadata() {
        return new VersionMetadata(description, framework, paramsJson, metricsJson, tagsJson, sourceRepository,
                sourceCommit, runId);
    }

    public Stage stage() {
        return stage;
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

    /** Stores formats by label. */
    @Converter
    public static class FormatConverter implements AttributeConverter<ModelFormat, String> {
        @Override
        public String convertToDatabaseColumn(ModelFormat format) {
            return format.label();
        }

        @Override
        public ModelFormat convertToEntityAttribute(String label) {
            return ModelFormat.fromLabel(label).orElseThrow();
        }
    }

    /** Stores stages by label. */
    @Converter
    public static class StageConverter implements AttributeConverter<Stage, String> {
        @Override
        public String convertToDatabaseColumn(Stage stage) {
            return stage.label();
        }

        @Override
        public Stage convertToEntityAttribute(String label) {
            return Arrays.stream(Stage.values()).filter(s -> s.label().equals(label)).findFirst().orElseThrow();
        }
    }
}
