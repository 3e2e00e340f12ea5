package io.slipway.dataset;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CsvProfiler} learned about a CSV upload.
 *
 * @param rowCount data rows (the header and blank lines not counted)
 * @param columns  the header's columns, in file order, with their inferred types
 */
public record CsvProfile(long rowCount, List<Column> columns) {

    public CsvProfile {
        columns = List.copyOf(columns);
    }

    /**
     * One column.
     *
     * @param name the header cell, as written
     * @param type {@value #INTEGER}, {@value #DECIMAL}, {@value #BOOLEAN}, {@value #TIMESTAMP} (ISO-8601 date or
     *             date-time) or {@value #STRING}, inferred from the sampled rows' non-empty cells
     */
    public record Column(String name, String type) {

        public static final String INTEGER = "integer";
        public static final String DECIMAL = "decimal";
        public static final String BOOLEAN = "boolean";
        public static final String TIMESTAMP = "timestamp";
        public static final String STRING = "string";

        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
