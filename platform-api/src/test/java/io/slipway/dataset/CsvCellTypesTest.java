package io.slipway.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.dataset.CsvCellTypes.Type;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CsvCellTypesTest {

    /** The regular expressions the profiler used before its scanner (they backtrack on long cells). */
    private static final Pattern OLD_INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern OLD_DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Test
    void numbersAreIntegersOrDecimalsAsBefore() {
        assertThat(CsvCellTypes.classify("42")).isEqualTo(Type.INTEGER);
        assertThat(CsvCellTypes.classify("-0")).isEqualTo(Type.INTEGER);
        assertThat(CsvCellTypes.classify("+7")).isEqualTo(Type.INTEGER);
        assertThat(CsvCellTypes.classify("000000000000000000000000001")).isEqualTo(Type.INTEGER);
        assertThat(CsvCellTypes.classify("-9223372036854775808")).isEqualTo(Type.INTEGER);
        assertThat(CsvCellTypes.classify("9223372036854775808")).isEqualTo(Type.DECIMAL);
        assertThat(CsvCellTypes.classify("1.")).isEqualTo(Type.DECIMAL);
        assertThat(CsvCellTypes.classify(".5")).isEqualTo(Type.DECIMAL);
        assertThat(CsvCellTypes.classify("-1.5E-3")).isEqualTo(Type.DECIMAL);
        assertThat(CsvCellTypes.classify("1.e5")).isEqualTo(Type.DECIMAL);
        for (String notANumber : new String[] {"+", "-", ".", "-.", "e5", ".e5", "1e", "1e+", "1.2.3", "1,5", "١٢"}) {
            assertThat(CsvCellTypes.classify(notANumber)).as(notANumber).isEqualTo(Type.STRING);
        }
    }

    @Test
    void theScannerAgreesWithTheRegularExpressionsItReplaced() {
        Random random = new Random(5);
        String alphabet = "0123456789+-.eE x";
        for (int round = 0; round < 200_000; round++) {
            StringBuilder cell = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int i = 0; i < length; i++) {
                cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = cell.toString();
            assertThat(CsvCellTypes.classify(text)).as("'%s'", text).isEqualTo(oldClassification(text));
        }
    }

    @Test
    void onlyCellsShortEnoughToBeTimestampsAreParsedAsDates() {
        String longest = "2024-05-01T10:15:30.123456789+01:00[America/Argentina/ComodRivadavia]";
        assertThat(longest.length()).isLessThanOrEqualTo(CsvCellTypes.MAX_TIMESTAMP_CHARS);
        assertThat(CsvCellTypes.classify(longest)).isEqualTo(Type.TIMESTAMP);
        assertThat(CsvCellTypes.classify("2024-05-01T10:15:30" + "0".repeat(1 << 20))).isEqualTo(Type.STRING);
    }

    private static Type oldClassification(String cell) {
        String text = cell.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (OLD_INTEGER.matcher(text).matches()) {
            try {
                Long.parseLong(text);
                return Type.INTEGER;
            } catch (NumberFormatException e) {
                return Type.DECIMAL;
            }
        }
        return OLD_DECIMAL.matcher(text).matches() ? Type.DECIMAL : Type.STRING;
    }
}
