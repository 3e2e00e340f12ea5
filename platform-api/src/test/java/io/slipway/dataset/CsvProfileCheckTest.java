package io.slipway.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvProfileCheckTest {

    @Test
    void csvMediaTypesAreRecognisedWhateverTheirCaseOrParameters() {
        for (String type : new String[] {"text/csv", "TEXT/CSV", "Text/Csv; charset=UTF-8; header=present",
                "application/csv", "Application/CSV ;charset=utf-8"}) {
            assertThat(CsvProfileCheck.appliesTo(type, Optional.empty())).as(type).isTrue();
        }
    }

    @Test
    void otherMediaTypesAreNotCsvUnlessTheFileNameSaysSo() {
        for (String type : new String[] {"text/csvx", "text/csv-schema", "text/plain", "application/octet-stream",
                "text/csv garbage"}) {
            assertThat(CsvProfileCheck.appliesTo(type, Optional.empty())).as(type).isFalse();
        }
        assertThat(CsvProfileCheck.appliesTo("application/octet-stream", Optional.of("Data.CSV"))).isTrue();
    }
}
