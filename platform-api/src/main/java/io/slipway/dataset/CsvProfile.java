package io.slipway.dataset;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CsvProfiler} learned about a CSV upload.
 *
 * @param rowCount data rows (the header and blank lines not counted)
 * @param columns  the header's columns, in file order, with their inferred types
 * @param namesCut whether a column name was longer than {@value #MAX_NAME_CHARS} characters and is cut to that
 */
public record CsvProfile(long rowCount, List<Column> columns, boolean namesCut) {

    /** The longest column name kept; longer ones are cut (on a character boundary). */
    public static final int MAX_NAME_CHARS = 256;

    public CsvProfile {
        columns = List.copyOf(columns);
    }

    /** A profile whose names are all whole. */
    public CsvProfile(long rowCount, List<Column> columns) {
        this(rowCount, columns, false);
    }

    /** A header cell as a column name: at most {@value #MAX_NAME_CHARS} characters, never half a surrogate pair. */
    static String columnName(String headerCell) {
        if (headerCell.length() <= MAX_NAME_CHARS) {
            return headerCell;
        }
        int end = Character.isHighSurrogate(headerCell.charAt(MAX_NAME_CHARS - 1)) ? MAX_NAME_CHARS - 1 : MAX_NAME_CHARS;
        return headerCell.substring(0, end);
    }

    /**
     * One column.
     *
     * @param name the header cell, as written (cut to {@value CsvProfile#MAX_NAME_CHARS} characters)
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
