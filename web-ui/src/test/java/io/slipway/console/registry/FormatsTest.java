package io.slipway.console.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.dataset.CsvProfile.Column;
import io.slipway.registry.SignatureView;
import io.slipway.registry.SignatureView.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void sizesReadInBinaryUnitsWithOneDecimalBelowTen() {
        assertThat(Formats.size(0)).isEqualTo("0 bytes");
        assertThat(Formats.size(1)).isEqualTo("1 byte");
        assertThat(Formats.size(1023)).isEqualTo("1023 bytes");
        assertThat(Formats.size(1536)).isEqualTo("1.5 KiB");
        assertThat(Formats.size(26_454)).isEqualTo("26 KiB");
        assertThat(Formats.size(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    }

    @Test
    void aSignatureReadsLikeTheReadmeInputsArrowOutputs() {
        SignatureView mnist = new SignatureView(
                List.of(new Tensor("Input3", "float", List.of(1L, 1L, 28L, 28L), "float[1,1,28,28]")),
                List.of(new Tensor("Plus214_Output_0", "float", List.of(1L, 10L), "float[1,10]")));
        SignatureView matmul = new SignatureView(
                List.of(new Tensor("a", "float", List.of(3L, 4L), "float[3,4]"),
                        new Tensor("b", "float", List.of(4L, 3L), "float[4,3]")),
                List.of(new Tensor("c", "float", List.of(3L, 3L), "float[3,3]")));

        assertThat(Formats.signature(mnist)).isEqualTo("Input3 float[1,1,28,28] → Plus214_Output_0 float[1,10]");
        assertThat(Formats.signature(matmul)).isEqualTo("a float[3,4], b float[4,3] → c float[3,3]");
        assertThat(Formats.signature(null)).isEqualTo(Formats.NONE);
    }

    @Test
    void metricsAreSortedByNameWithoutTrailingZeros() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", 0.250);
        metrics.put("accuracy", 0.93);
        metrics.put("epochs", 5.0);

        assertThat(Formats.metrics(metrics)).isEqualTo("accuracy 0.93, epochs 5, loss 0.25");
        assertThat(Formats.metrics(Map.of())).isEqualTo(Formats.NONE);
    }

    @Test
    void columnsShowTheFirstFourAndCountTheRest() {
        List<Column> columns = List.of(new Column("id", "integer"), new Column("amount", "decimal"),
                new Column("fraud", "boolean"), new Column("at", "timestamp"), new Column("merchant", "string"),
                new Column("country", "string"));

        assertThat(Formats.columns(columns))
                .isEqualTo("id integer, amount decimal, fraud boolean, at timestamp, … (+2 more)");
        assertThat(Formats.columns(columns.subList(0, 2))).isEqualTo("id integer, amount decimal");
        assertThat(Formats.columns(columns.subList(0, 2), 2000)).as("a truncated profile")
                .isEqualTo("id integer, amount decimal, … (+1998 more)");
        assertThat(Formats.allColumns(columns)).startsWith("id: integer\namount: decimal\n");
    }

    @Test
    void aShortShaIsItsFirstTwelveHexDigits() {
        assertThat(Formats.shortSha("0123456789abcdef0123")).isEqualTo("0123456789ab");
    }
}
