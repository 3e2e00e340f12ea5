package io.slipway.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void bidirectionalOverridesAndIsolatesAreStripped() {
        // "invoice‮fdp.exe" shows as "invoiceexe.pdf" in a right-to-left-aware display
        assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        for (char c = '\u202A'; c <= '\u202E'; c++) {
            assertThat(FileNames.sanitize("a" + c + "b.csv")).as("U+%04X", (int) c).isEqualTo("ab.csv");
        }
        for (char c = '\u2066'; c <= '\u2069'; c++) {
            assertThat(FileNames.sanitize("a" + c + "b.csv")).as("U+%04X", (int) c).isEqualTo("ab.csv");
        }
    }

    @Test
    void otherFormatCharactersSeparatorsAndControlsAreStripped() {
        assertThat(FileNames.sanitize("zero\u200Bwidth\u200D\uFEFF.onnx")).isEqualTo("zerowidth.onnx");
        assertThat(FileNames.sanitize("tag\uDB40\uDC41.csv")).as("a supplementary format character").isEqualTo("tag.csv");
        assertThat(FileNames.sanitize("line\u2028para\u2029.csv")).isEqualTo("linepara.csv");
        assertThat(FileNames.sanitize("report\u0000\r\n\u0085\u001B.csv")).isEqualTo("report.csv");
        assertThat(FileNames.sanitize("lone\uD800surrogate.csv")).isEqualTo("lonesurrogate.csv");
    }

    @Test
    void onlyTheLastPathSegmentIsKeptWithoutQuotes() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\bob\\model.onnx")).isEqualTo("model.onnx");
        assertThat(FileNames.sanitize("say \"hi\"; it's.csv")).isEqualTo("say hi its.csv");
        assertThat(FileNames.sanitize("..")).isEmpty();
        assertThat(FileNames.sanitize("dir/\u202E.")).isEmpty();
    }

    @Test
    void ordinaryNamesInAnyScriptAreKept() {
        assertThat(FileNames.sanitize("données été 2024 (v2).csv")).isEqualTo("données été 2024 (v2).csv");
        assertThat(FileNames.sanitize("模型-😀.onnx")).isEqualTo("模型-😀.onnx");
        assertThat(FileNames.sanitize("ملف.csv")).as("right-to-left letters themselves stay").isEqualTo("ملف.csv");
    }

    @Test
    void longNamesAreCutWithoutSplittingACharacter() {
        assertThat(FileNames.sanitize("x".repeat(300))).hasSize(FileNames.MAX_LENGTH);
        String cut = FileNames.sanitize("x".repeat(FileNames.MAX_LENGTH - 1) + "😀😀");

        assertThat(cut).isEqualTo("x".repeat(FileNames.MAX_LENGTH - 1));
    }
}
