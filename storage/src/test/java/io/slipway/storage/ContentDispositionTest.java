package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentDispositionTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "model.onnx                | model.onnx",
        "../../etc/passwd          | passwd",
        "..\\..\\windows\\win.ini  | win.ini",
        "/absolute/path/data.csv   | data.csv",
        "'\"quoted\".csv'          | quoted.csv",
        "..                        | download",
        "'   '                     | download",
        ".hidden                   | hidden",
        "dir/                      | download",
    })
    void userSuppliedFileNamesBecomeHarmlessBaseNames(String given, String expected) {
        assertThat(ContentDisposition.sanitize(given)).isEqualTo(expected);
    }

    @Test
    void controlAndFormatCharactersAreDropped() {
        assertThat(ContentDisposition.sanitize("a\u0000b\u0007c\u007fd\u0085e")).isEqualTo("abcde");
        assertThat(ContentDisposition.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(ContentDisposition.sanitize("line\r\nbreak")).isEqualTo("linebreak");
    }

    @Test
    void missingFileNameFallsBackToDownload() {
        assertThat(ContentDisposition.attachment(null))
                .isEqualTo("attachment; filename=\"download\"; filename*=UTF-8''download");
    }

    @Test
    void veryLongFileNameIsCut() {
        assertThat(ContentDisposition.sanitize("x".repeat(5000))).hasSize(200);
    }

    @Test
    void percentSignsDoNotReachTheAsciiFallback() {
        assertThat(ContentDisposition.attachment("100%.csv"))
                .isEqualTo("attachment; filename=\"100_.csv\"; filename*=UTF-8''100%25.csv");
    }
}
