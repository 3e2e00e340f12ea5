package io.slipway.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import io.slipway.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * A dataset version as the API shows it. {@code rowCount} and {@code columns} are present for CSV content;
 * {@code storedContentReused} only in the answer to an upload (whether these bytes were stored before).
 */
public record DatasetVersionView(String dataset, int version, String sha256, long sizeBytes, String mediaType,
                                 String fileName, String description, Long rowCount,
                                 List<CsvProfile.Column> columns, Instant createdAt, String createdBy,
                                 Boolean storedContentReused) {

    static DatasetVersionView of(String dataset, DatasetVersion v, Boolean reused) {
        return new DatasetVersionView(dataset, v.number(), v.artifactSha256(), v.sizeBytes(), v.mediaType(),
                v.fileName(), v.description(), v.rowCount(), columns(v.columnsJson()), v.createdAt(),
                v.createdByName(), reused);
    }

    private static List<CsvProfile.Column> columns(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<CsvProfile.Column>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
