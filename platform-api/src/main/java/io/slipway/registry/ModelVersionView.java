package io.slipway.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import io.slipway.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A model version as the API shows it. {@code signature} is present for ONNX; {@code servable} says whether
 * Slipway can serve it; {@code storedContentReused} only in the answer to an upload: whether this model already
 * had a version with exactly these bytes (equal bytes elsewhere in the organization are stored once too, but
 * silently: the caller may not see them).
 */
public record ModelVersionView(String model, int version, String stage, String format, boolean servable,
                               SignatureView signature, String sha256, long sizeBytes, String fileName,
                               String description, String framework, Map<String, Object> params,
                               Map<String, Double> metrics, List<String> tags, List<String> datasets, UUID run,
                               NewModelVersion.Source source, Instant createdAt, String createdBy,
                               Boolean storedContentReused) {

    static ModelVersionView of(String model, ModelVersion v, Stage stage, List<String> datasets, Boolean reused) {
        ModelVersion.VersionMetadata m = v.metadata();
        NewModelVersion.Source source = m.sourceRepository() == null && m.sourceCommit() == null ? null
                : new NewModelVersion.Source(m.sourceRepository(), m.sourceCommit());
        return new ModelVersionView(model, v.number(), stage.label(), v.format().label(), v.servable(),
                read(v.signatureJson(), new TypeReference<SignatureView>() { }), v.artifactSha256(), v.sizeBytes(),
                v.fileName(), m.description(), m.framework(),
                read(m.paramsJson(), new TypeReference<Map<String, Object>>() { }),
                read(m.metricsJson(), new TypeReference<Map<String, Double>>() { }),
                read(m.tagsJson(), new TypeReference<List<String>>() { }), datasets, m.runId(), source,
                v.createdAt(), v.createdByName(), reused);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
