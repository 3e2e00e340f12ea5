package io.slipway.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.slipway.api.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV profile's columns as a dataset version stores them ({@code columns_json}), within
 * {@value #MAX_JSON_CHARS} characters whatever the header: the column and the version's audit event (which holds
 * the whole version) then always fit their database columns. A complete list is stored as a JSON array of
 * columns; a list cut to fit, or with names cut by the profiler, as this record:
 * {@code {"columnCount":N,"truncated":true,"columns":[the first columns that fit]}}.
 *
 * @param columnCount the header's columns, all of them
 * @param truncated   whether {@code columns} is not the whole header as written (fewer columns, or names cut)
 * @param columns     the columns kept, in file order
 */
record StoredColumns(int columnCount, boolean truncated, List<CsvProfile.Column> columns) {

    /** The most JSON stored; the audit event's 100,000 characters leave room for the rest of the version. */
    static final int MAX_JSON_CHARS = 64 * 1024;
    /** What the object form adds around the array, with room to spare. */
    private static final int OBJECT_FORM_CHARS = 64;
    private static final CollectionType COLUMN_LIST =
            Json.MAPPER.getTypeFactory().constructCollectionType(List.class, CsvProfile.Column.class);

    StoredColumns {
        columns = List.copyOf(columns);
    }

    /** The stored form of the profile's columns: all of them when they fit, otherwise the first that do. */
    static String write(CsvProfile profile) {
        List<CsvProfile.Column> kept = new ArrayList<>();
        int length = 2; // the array's brackets
        for (CsvProfile.Column column : profile.columns()) {
            int columnLength = Json.write(column).length() + 1; // and its comma
            if (length + columnLength + OBJECT_FORM_CHARS > MAX_JSON_CHARS) {
                break;
            }
            kept.add(column);
            length += columnLength;
        }
        if (kept.size() == profile.columns().size() && !profile.namesCut()) {
            return Json.write(kept);
        }
        return Json.write(new StoredColumns(profile.columns().size(), true, kept));
    }

    /** Reads what {@link #write} stored (either form). */
    static StoredColumns read(String json) {
        try {
            JsonNode stored = Json.MAPPER.readTree(json);
            if (stored.isArray()) {
                List<CsvProfile.Column> all = Json.MAPPER.treeToValue(stored, COLUMN_LIST);
                return new StoredColumns(all.size(), false, all);
            }
            return Json.MAPPER.treeToValue(stored, StoredColumns.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
