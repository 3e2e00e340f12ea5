package io.slipway.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.dataset.CsvProfile.Column;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredColumnsTest {

    @Test
    void aProfileThatFitsIsStoredWholeAsTheArrayOfItsColumns() {
        CsvProfile profile = new CsvProfile(3, List.of(new Column("id", "integer"), new Column("név", "string")));

        String json = StoredColumns.write(profile);

        assertThat(json).isEqualTo("[{\"name\":\"id\",\"type\":\"integer\"},{\"name\":\"név\",\"type\":\"string\"}]");
        assertThat(StoredColumns.read(json)).isEqualTo(new StoredColumns(2, false, profile.columns()));
    }

    @Test
    void aHeaderTooWideToStoreKeepsItsFirstColumnsWithinTheLimitAndSaysHowManyThereAre() {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            columns.add(new Column(String.format("%0200d", i), "decimal")); // ~450 KB of JSON in all
        }

        String json = StoredColumns.write(new CsvProfile(1, columns));
        StoredColumns stored = StoredColumns.read(json);

        assertThat(json.length()).isLessThanOrEqualTo(StoredColumns.MAX_JSON_CHARS);
        assertThat(stored.columnCount()).isEqualTo(2000);
        assertThat(stored.truncated()).isTrue();
        assertThat(stored.columns()).isNotEmpty().isEqualTo(columns.subList(0, stored.columns().size()));
        assertThat(stored.columns().size()).isGreaterThan(StoredColumns.MAX_JSON_CHARS / 250);
    }

    @Test
    void namesThatNeedEscapingCountAsTheyAreStored() {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            columns.add(new Column("\u0001".repeat(CsvProfile.MAX_NAME_CHARS), "string")); // 6 characters each in JSON
        }

        String json = StoredColumns.write(new CsvProfile(0, columns));

        assertThat(json.length()).isLessThanOrEqualTo(StoredColumns.MAX_JSON_CHARS);
        assertThat(StoredColumns.read(json).truncated()).isTrue();
    }

    @Test
    void cutNamesAreStoredAsATruncatedProfileEvenWhenAllColumnsFit() {
        CsvProfile profile = new CsvProfile(1, List.of(new Column("x".repeat(CsvProfile.MAX_NAME_CHARS), "string")),
                true);

        StoredColumns stored = StoredColumns.read(StoredColumns.write(profile));

        assertThat(stored).isEqualTo(new StoredColumns(1, true, profile.columns()));
    }
}
