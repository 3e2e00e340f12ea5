package io.slipway.registry;

import io.slipway.artifact.ArtifactVersion;
import io.slipway.artifact.ReceivedArtifact;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import com.fasterxml.jackson.core.type.TypeReference;
import io.slipway.api.Json;
import java.util.Map;
import java.util.UUID;

/** One immutable version of a model. Its stage is not kept here but in {@link ModelStage}. */
@Entity
@Table(name = "model_versions")
public class ModelVersion extends ArtifactVersion {

    @Column(name = "model_id", nullable = false, updatable = false)
    private UUID modelId;

    @Convert(converter = FormatConverter.class)
    @Column(nullable = false, updatable = false, length = 16)
    private ModelFormat format;

    @Column(nullable = false, updatable = false)
    private boolean servable;

    @Column(name = "signature_json", updatable = false, length = 100_000)
    private String signatureJson;

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

    protected ModelVersion() {
    }

    ModelVersion(UUID modelId, int number, ReceivedArtifact content, String fileName, ModelFormat format,
                 String signatureJson, VersionMetadata metadata, Instant createdAt, String createdBy,
                 String createdByName) {
        super(number, content, fileName, metadata.description(), createdAt, createdBy, createdByName);
        this.modelId = modelId;
        this.format = format;
        this.servable = format.servable();
        this.signatureJson = signatureJson;
        this.framework = metadata.framework();
        this.paramsJson = metadata.paramsJson();
        this.metricsJson = metadata.metricsJson();
        this.tagsJson = metadata.tagsJson();
        this.sourceRepository = metadata.sourceRepository();
        this.sourceCommit = metadata.sourceCommit();
        this.runId = metadata.runId();
    }

    /** The metadata columns of a version, already serialized. */
    record VersionMetadata(String description, String framework, String paramsJson, String metricsJson,
                           String tagsJson, String sourceRepository, String sourceCommit, UUID runId) {
    }

    public UUID modelId() {
        return modelId;
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
        return new VersionMetadata(description(), framework, paramsJson, metricsJson, tagsJson, sourceRepository,
                sourceCommit, runId);
    }

    /** The metrics the version was registered with (empty if none). */
    public Map<String, Double> metrics() {
        return metricsJson == null ? Map.of() : Json.read(metricsJson,
                new TypeReference<Map<String, Double>>() { });
    }

    /** The training parameters the version was registered with (empty if none). */
    public Map<String, Object> params() {
        return paramsJson == null ? Map.of() : Json.read(paramsJson,
                new TypeReference<Map<String, Object>>() { });
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
}
