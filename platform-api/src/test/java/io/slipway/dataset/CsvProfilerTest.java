package io.slipway.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.slipway.dataset.CsvProfile.Column;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvProfilerTest {

    // --- columns and types ---

    @Test
    void headerNamesTheColumnsAndRowsDecideTheirTypes() {
        CsvProfile profile = profileOf("""
                id,price,active,created,name
                1,9.99,true,2024-05-01,apple
                2,10,FALSE,2024-05-02T10:15:30,banana
                -3,1e3,False,2024-05-03 08:00:00Z,cherry
                """).orElseThrow();

        assertThat(profile.rowCount()).isEqualTo(3);
        assertThat(profile.columns()).containsExactly(
                new Column("id", "integer"), new Column("price", "decimal"), new Column("active", "boolean"),
                new Column("created", "timestamp"), new Column("name", "string"));
    }

    @Test
    void integersAndDecimalsTogetherAreDecimal() {
        assertThat(typesOf("x\n1\n2.5\n-3\n")).containsExactly("decimal");
    }

    @Test
    void anyOtherMixIsString() {
        assertThat(typesOf("a,b,c\n1,true,2024-01-01\ntrue,2024-01-01,1\n")).containsExactly("string", "string", "string");
    }

    @Test
    void emptyCellsDoNotChangeTheTypeAndAnAlwaysEmptyColumnIsString() {
        CsvProfile profile = profileOf("n,flag,nothing\n1,,\n,true,\n3,false,\"\"\n").orElseThrow();

        assertThat(profile.rowCount()).isEqualTo(3);
        assertThat(types(profile)).containsExactly("integer", "boolean", "string");
    }

    @Test
    void surroundingSpacesAreIgnoredForTypes() {
        assertThat(typesOf("a,b\n 1 , true\n  ,\n")).containsExactly("integer", "boolean");
    }

    @Test
    void integersTooLargeForALongAreDecimal() {
        assertThat(typesOf("big\n12345678901234567890\n")).containsExactly("decimal");
        assertThat(typesOf("max\n9223372036854775807\n")).containsExactly("integer");
    }

    @Test
    void timestampsAreIsoDatesAndDateTimes() {
        assertThat(typesOf("t\n2024-02-29\n2024-05-01T10:15\n2024-05-01T10:15:30.123+02:00\n2024-05-01 10:15:30\n"))
                .containsExactly("timestamp");
        assertThat(typesOf("t\n2024-13-01\n")).containsExactly("string");
        assertThat(typesOf("t\n01/05/2024\n")).containsExactly("string");
    }

    @Test
    void booleansAreTrueAndFalseOnly() {
        assertThat(typesOf("b\nTRUE\nfalse\n")).containsExactly("boolean");
        assertThat(typesOf("b\ntrue\nyes\n")).containsExactly("string");
    }

    @Test
    void typesComeFromTheFirstThousandRowsOnly() {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = 0; i < CsvProfiler.SAMPLE_ROWS; i++) {
            csv.append(i).append('\n');
        }
        csv.append("not a number\n");

        CsvProfile profile = profileOf(csv.toString()).orElseThrow();
        assertThat(profile.rowCount()).isEqualTo(CsvProfiler.SAMPLE_ROWS + 1);
        assertThat(types(profile)).containsExactly("integer");
    }

    @Test
    void rowsAfterTheSampleAreCountedByTheSameRules() {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < CsvProfiler.SAMPLE_ROWS; i++) {
            csv.append(i).append(",x\n");
        }
        csv.append("\"q,\"\"1\"\"\r\n2\",y\r\n\n\r\n3,\"a\nb\"c\n\"4\",\"\"\n5\"x,z\r6,w");
        byte[] bytes = utf8(csv.toString());

        Optional<CsvProfile> whole = profileOf(bytes);
        assertThat(whole.orElseThrow().rowCount()).isEqualTo(CsvProfiler.SAMPLE_ROWS + 5);
        for (int chunk : new int[] {1, 2, 3, 5, 7, 64, 4096}) {
            assertThat(profileInChunks(bytes, chunk)).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
        CsvProfiler oneByteAtATime = new CsvProfiler();
        for (byte b : bytes) {
            oneByteAtATime.write(b);
        }
        close(oneByteAtATime);
        assertThat(oneByteAtATime.profile()).isEqualTo(whole);
    }

    @Test
    void quoteLeftOpenAfterTheSampleMeansNotCsv() {
        String csv = "a\n" + "1\n".repeat(CsvProfiler.SAMPLE_ROWS) + "\"open\n2\n";

        assertThat(profileOf(csv)).isEmpty();
        assertThat(profileInChunks(utf8(csv), 3)).isEmpty();
    }

    @Test
    void headerOnlyHasNoRowsAndStringColumns() {
        CsvProfile profile = profileOf("a,b\n").orElseThrow();

        assertThat(profile.rowCount()).isZero();
        assertThat(profile.columns()).containsExactly(new Column("a", "string"), new Column("b", "string"));
    }

    @Test
    void nonAsciiNamesAndValuesAreUtf8() {
        CsvProfile profile = profileOf("café,日本\nnaïve,1\n").orElseThrow();

        assertThat(profile.columns()).containsExactly(new Column("café", "string"), new Column("日本", "integer"));
    }

    // --- RFC 4180 ---

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndNewlines() {
        CsvProfile profile = profileOf("""
                "id","comment, free text","score"
                1,"said ""hi"", then left",0.5
                2,"two
                lines, even

                a blank one inside",1
                3,"",2
                """).orElseThrow();

        assertThat(profile.rowCount()).isEqualTo(3);
        assertThat(profile.columns()).containsExactly(new Column("id", "integer"),
                new Column("comment, free text", "string"), new Column("score", "decimal"));
    }

    @Test
    void crlfLineEndsWork() {
        CsvProfile profile = profileOf("a,b\r\n1,x\r\n2,\"y\r\nz\"\r\n").orElseThrow();

        assertThat(profile.rowCount()).isEqualTo(2);
        assertThat(types(profile)).containsExactly("integer", "string");
    }

    @Test
    void lastLineWithoutLineEndCounts() {
        assertThat(profileOf("a,b\n1,2\n3,4").orElseThrow().rowCount()).isEqualTo(2);
        assertThat(profileOf("a,b\r\n1,2\r\n3,\"4\"").orElseThrow().rowCount()).isEqualTo(2);
        assertThat(profileOf("a,b").orElseThrow().columns()).hasSize(2);
    }

    @Test
    void trailingCommaIsAnEmptyLastField() {
        assertThat(typesOf("a,b,\n1,2,\n")).containsExactly("integer", "integer", "string");
    }

    @Test
    void byteOrderMarkIsSkipped() {
        byte[] csv = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("name,n\nx,1\n"));

        assertThat(profileOf(csv).orElseThrow().columns()).containsExactly(new Column("name", "string"), new Column("n", "integer"));
    }

    @Test
    void blankLinesAreSkippedAndNotCounted() {
        CsvProfile profile = profileOf("\na,b\n\n1,2\n\r\n3,4\n\n\n").orElseThrow();

        assertThat(profile.rowCount()).isEqualTo(2);
        assertThat(types(profile)).containsExactly("integer", "integer");
    }

    @Test
    void strayQuotesAreToleratedLikeMostReaders() {
        CsvProfile profile = profileOf("a,b\n5\"6,\"x\"y\n").orElseThrow();

        assertThat(profile.rowCount()).isEqualTo(1);
        assertThat(types(profile)).containsExactly("string", "string");
    }

    @Test
    void everyWayOfSplittingTheStreamGivesTheSameProfile() {
        byte[] csv = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("\"h,1\",h2,h3\r\n1,\"a\"\"b\",2024-01-01\r\n2,\"c\r\nd\",2024-01-02T00:00\r\n3,é,\n4,日本,2024-01-03"));
        Optional<CsvProfile> whole = profileOf(csv);
        assertThat(whole).isPresent();
        assertThat(whole.orElseThrow().rowCount()).isEqualTo(4);

        for (int chunk = 1; chunk <= 7; chunk++) {
            assertThat(profileInChunks(csv, chunk)).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
        CsvProfiler oneByteAtATime = new CsvProfiler();
        for (byte b : csv) {
            oneByteAtATime.write(b);
        }
        close(oneByteAtATime);
        assertThat(oneByteAtATime.profile()).isEqualTo(whole);
    }

    // --- not CSV, limits ---

    @Test
    void emptyInputHasNoProfile() {
        assertThat(profileOf("")).isEmpty();
        assertThat(profileOf("\n\r\n\n")).isEmpty();
        assertThat(profileOf(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEmpty();
    }

    @Test
    void nulBytesMeanBinaryData() {
        assertThat(profileOf(utf8("a,b\n1,\u00002\n"))).isEmpty();
    }

    @Test
    void invalidUtf8MeansBinaryData() {
        assertThat(profileOf(concat(utf8("a,b\n1,"), new byte[] {(byte) 0xFF}, utf8("\n")))).isEmpty();
        assertThat(profileOf(concat(utf8("a,b\n1,"), new byte[] {(byte) 0xC0, (byte) 0x80}, utf8("\n")))).as("overlong NUL").isEmpty();
        assertThat(profileOf(concat(utf8("a,b\n1,"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\n")))).as("surrogate").isEmpty();
        assertThat(profileOf(concat(utf8("a,b\n1,"), new byte[] {(byte) 0x80}, utf8("\n")))).as("lone continuation").isEmpty();
        assertThat(profileOf(concat(utf8("a,b\n1,"), new byte[] {(byte) 0xE6, (byte) 0x97}))).as("cut at the end").isEmpty();
        assertThat(profileOf(concat(utf8("a,b\n"), new byte[] {(byte) 0xE9}, utf8("t\u00e9,2\n")))).as("Latin-1").isEmpty();
    }

    @Test
    void typicalBinaryFilesHaveNoProfile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        byte[] random = new byte[10_000];
        new Random(7).nextBytes(random);

        assertThat(profileOf(png)).isEmpty();
        assertThat(profileOf(zip)).isEmpty();
        assertThat(profileOf(random)).isEmpty();
    }

    @Test
    void bytesAfterTheCheckedWindowAreNotCheckedForText() {
        StringBuilder csv = new StringBuilder("a,b\n");
        while (csv.length() < CsvProfiler.CHECKED_BYTES + 100) {
            csv.append("1,2\n");
        }
        long rows = csv.chars().filter(c -> c == '\n').count() - 1;
        byte[] bytes = concat(utf8(csv.toString()), new byte[] {'3', ',', (byte) 0xFF, '\n'});

        assertThat(profileOf(bytes).orElseThrow().rowCount()).isEqualTo(rows + 1);
    }

    @Test
    void sampledRowWithAnotherFieldCountMeansNotCsv() {
        assertThat(profileOf("a,b\n1,2\n3\n")).as("too few").isEmpty();
        assertThat(profileOf("a,b\n1,2\n3,4,5\n")).as("too many").isEmpty();
    }

    @Test
    void fieldCountsAfterTheSampleAreNotChecked() {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < CsvProfiler.SAMPLE_ROWS; i++) {
            csv.append("1,2\n");
        }
        csv.append("3\n4,5,6\n");

        assertThat(profileOf(csv.toString()).orElseThrow().rowCount()).isEqualTo(CsvProfiler.SAMPLE_ROWS + 2);
    }

    @Test
    void quoteLeftOpenAtTheEndMeansNotCsv() {
        assertThat(profileOf("a,b\n1,\"never closed\n2,3\n")).isEmpty();
    }

    @Test
    void upToTwoThousandColumnsAreProfiledAndMoreAreNot() {
        assertThat(profileOf(wideCsv(CsvProfiler.MAX_COLUMNS)).orElseThrow().columns()).hasSize(CsvProfiler.MAX_COLUMNS);
        assertThat(profileOf(wideCsv(CsvProfiler.MAX_COLUMNS + 1))).isEmpty();
    }

    @Test
    void longColumnNamesAreCutOnACharacterBoundaryAndTheProfileSaysSo() {
        String longName = "a".repeat(CsvProfile.MAX_NAME_CHARS - 1) + "😀tail";
        CsvProfile profile = profileOf("id," + longName + "\n1,x\n").orElseThrow();

        assertThat(profile.namesCut()).isTrue();
        assertThat(profile.columns()).containsExactly(new Column("id", "integer"),
                new Column("a".repeat(CsvProfile.MAX_NAME_CHARS - 1), "string"));
        assertThat(profileOf("id,name\n1,x\n").orElseThrow().namesCut()).isFalse();
    }

    @Test
    void recordOverOneMebibyteMeansNoProfileButInputIsStillConsumed() {
        CsvProfiler profiler = new CsvProfiler();
        profiler.write(utf8("a,b\n1,\""));
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'x');
        for (int i = 0; i < 40; i++) { // 2.5 MiB inside one quoted field
            profiler.write(block, 0, block.length);
        }
        profiler.write(utf8("\"\n2,3\n"));
        close(profiler);

        assertThat(profiler.profile()).isEmpty();
    }

    @Test
    void recordJustUnderOneMebibyteIsFine() {
        String field = "x".repeat(CsvProfiler.MAX_RECORD_BYTES - 4);
        CsvProfile profile = profileOf("a,b\n1,\"" + field + "\"\n").orElseThrow();

        assertThat(profile.rowCount()).isEqualTo(1);
        assertThat(types(profile)).containsExactly("integer", "string");
    }

    @Test
    void manyRowsAreCountedInOnePass() {
        byte[] rows = utf8("12345,67.5,true,2024-01-01,some text\n".repeat(1000));
        CsvProfiler profiler = new CsvProfiler();
        profiler.write(utf8("a,b,c,d,e\n"));
        for (int i = 0; i < 500; i++) { // 500,000 rows, ~18 MB
            profiler.write(rows);
        }
        close(profiler);

        CsvProfile profile = profiler.profile().orElseThrow();
        assertThat(profile.rowCount()).isEqualTo(500_000);
        assertThat(types(profile)).containsExactly("integer", "decimal", "boolean", "timestamp", "string");
    }

    // --- hostile cells: linear time (the timeouts are generous; the regex this replaced took 33 s and hours) ---

    @Test
    void aFortyThousandDigitCellEndingInALetterIsAStringAtOnce() {
        String csv = "id,n\n1," + "7".repeat(40_000) + "x\n2,3\n";

        CsvProfile profile = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> profileOf(csv).orElseThrow());

        assertThat(types(profile)).containsExactly("integer", "string");
    }

    @Test
    void aMebibyteCellOfDigitsEndingInALetterIsAStringAtOnce() {
        // the whole record is exactly the largest profiled: "x" is the cell's last byte
        String cell = "9".repeat(CsvProfiler.MAX_RECORD_BYTES - 1) + "x";

        CsvProfile profile = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> profileOf("n\n" + cell + "\n").orElseThrow());

        assertThat(profile.rowCount()).isEqualTo(1);
        assertThat(types(profile)).containsExactly("string");
    }

    @Test
    void mebibyteCellsThatAreNumbersOrAlmostTimestampsAreClassifiedAtOnce() {
        int size = CsvProfiler.MAX_RECORD_BYTES - 16;
        String digits = "1".repeat(size);
        String decimal = "1".repeat(size / 2) + "." + "2".repeat(size / 2 - 4) + "e+12";
        String notAnExponent = "1".repeat(size / 2) + "." + "2".repeat(size / 2 - 4) + "e+1x";
        String almostATimestamp = "2024-05-01T10:15:30." + "1".repeat(size - 20);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(typesOf("n\n" + digits + "\n")).containsExactly("decimal");
            assertThat(typesOf("n\n" + decimal + "\n")).containsExactly("decimal");
            assertThat(typesOf("n\n" + notAnExponent + "\n")).containsExactly("string");
            assertThat(typesOf("t\n" + almostATimestamp + "\n")).containsExactly("string");
        });
    }

    @Test
    void randomInputNeverThrows() {
        Random random = new Random(11);
        String alphabet = "ab1.,\"\r\n é";
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = utf8(text.toString());
            if (random.nextInt(4) == 0 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Optional<CsvProfile> whole = profileOf(bytes);
            assertThat(profileInChunks(bytes, 1 + random.nextInt(5))).as(text.toString()).isEqualTo(whole);
        }
    }

    // --- the stream contract ---

    @Test
    void profileIsKnownOnlyAfterClose() {
        CsvProfiler profiler = new CsvProfiler();
        profiler.write(utf8("a\n1\n"));

        assertThatThrownBy(profiler::profile).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeIsIdempotentAndLaterWritesAreIgnored() {
        CsvProfiler profiler = new CsvProfiler();
        profiler.write(utf8("a\n1\n"));
        close(profiler);
        profiler.write(utf8("2\n3\n"));
        profiler.write(0);
        profiler.flush();
        close(profiler);

        assertThat(profiler.profile().orElseThrow().rowCount()).isEqualTo(1);
    }

    @Test
    void worksAsTheTeeOfACopy() throws Exception {
        CsvProfiler profiler = new CsvProfiler();
        try (profiler) {
            new ByteArrayInputStream(utf8("a,b\n1,2\n")).transferTo(profiler);
        }

        assertThat(profiler.profile().orElseThrow().rowCount()).isEqualTo(1);
    }

    // --- helpers ---

    private static Optional<CsvProfile> profileOf(String csv) {
        return profileOf(utf8(csv));
    }

    private static Optional<CsvProfile> profileOf(byte[] csv) {
        CsvProfiler profiler = new CsvProfiler();
        profiler.write(csv);
        close(profiler);
        return profiler.profile();
    }

    private static Optional<CsvProfile> profileInChunks(byte[] csv, int chunk) {
        CsvProfiler profiler = new CsvProfiler();
        for (int offset = 0; offset < csv.length; offset += chunk) {
            profiler.write(csv, offset, Math.min(chunk, csv.length - offset));
        }
        close(profiler);
        return profiler.profile();
    }

    /** {@code close()} declares IOException as OutputStream does, but never throws it. */
    private static void close(CsvProfiler profiler) {
        try {
            profiler.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> typesOf(String csv) {
        return types(profileOf(csv).orElseThrow());
    }

    private static List<String> types(CsvProfile profile) {
        return profile.columns().stream().map(Column::type).toList();
    }

    private static String wideCsv(int columns) {
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < columns; i++) {
            header.append(i == 0 ? "" : ",").append("c").append(i);
            row.append(i == 0 ? "" : ",").append(i);
        }
        return header + "\n" + row + "\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
