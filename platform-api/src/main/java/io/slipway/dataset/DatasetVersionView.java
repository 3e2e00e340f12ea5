package io.slipway.dataset;

import java.time.Instant;
import java.util.List;

/**
 * A dataset version as the API shows it. {@code rowCount}, {@code columnCount}, {@code columns} and
 * {@code columnsTruncated} are present for CSV content: {@code columns} lists the header's columns with their
 * types, all of them unless {@code columnsTruncated} (a header too wide to store whole keeps its first columns,
 * and names over {@value CsvProfile#MAX_NAME_CHARS} characters are cut). {@code storedContentReused} is present
 * only in the answer to an upload: whether this dataset already had a version with exactly these bytes (equal
 * bytes elsewhere in the organization are stored once too, but silently: the caller may not see them).
 */
public record DatasetVersionView(String dataset, int version, String sha256, long sizeBytes, String mediaType,
                                 String fileName, String description, Long rowCount, Integer columnCount,
                                 List<CsvProfile.Column> columns, Boolean columnsTruncated, Instant createdAt,
                                 String createdBy, Boolean storedContentReused) {

    static DatasetVersionView of(String dataset, DatasetVersion v, Boolean reused) {
        StoredColumns stored = v.columnsJson() == null ? null : StoredColumns.read(v.columnsJson());
        return new DatasetVersionView(dataset, v.number(), v.artifactSha256(), v.sizeBytes(), v.mediaType(),
                v.fileName(), v.description(), v.rowCount(), stored == null ? null : stored.columnCount(),
                stored == null ? null : stored.columns(), stored == null ? null : stored.truncated(),
                v.createdAt(), v.createdByName(), reused);
    }
}
