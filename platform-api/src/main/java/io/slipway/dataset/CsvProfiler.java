package io.slipway.dataset;

import io.slipway.dataset.CsvCellTypes.Type;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Profiles a CSV file from its bytes as they stream past (the tee of an upload): row count, column names and
 * column types, in one pass and bounded memory (the header, one type per column and at most one record of
 * {@value #MAX_RECORD_BYTES} bytes being read). Feed it with {@code write}, then {@link #close()} and read
 * {@link #profile()}.
 * <p>
 * RFC 4180 with the usual leniency: fields separated by commas, quoted fields may hold commas, newlines and
 * doubled quotes; records end with LF, CRLF or CR, the last one may lack its line end; a UTF-8 byte order mark
 * is skipped; blank lines are skipped and not counted. The first record is the header (names over
 * {@value CsvProfile#MAX_NAME_CHARS} characters are cut, and the profile says so). Column types come from
 * the non-empty cells (surrounding spaces ignored) of the first {@value #SAMPLE_ROWS} data rows, each looked at in
 * time linear in its length ({@link CsvCellTypes}): the whole profile costs a fixed time per byte, whatever the
 * cells hold.
 * <p>
 * Input that is not CSV has no profile, never an exception: a NUL byte or invalid UTF-8 in the first
 * {@value #CHECKED_BYTES} bytes, no header, a sampled row whose field count differs from the header's, a quote
 * left open at the end, more than {@value #MAX_COLUMNS} columns, or a record over {@value #MAX_RECORD_BYTES}
 * bytes. Once it gives up the rest of the input is consumed without being looked at. {@code write},
 * {@code flush} and {@code close} never throw (whatever {@code close} declares). Not thread-safe, like any
 * stream.
 */
public final class CsvProfiler extends OutputStream {

    /** Data rows whose cells decide the column types (and whose field counts are checked). */
    public static final int SAMPLE_ROWS = 1000;
    /** More columns than this: no profile. */
    public static final int MAX_COLUMNS = 2000;
    /** A longer record (quoted line ends included, its own line end not): no profile. */
    public static final int MAX_RECORD_BYTES = 1 << 20;
    /** The leading bytes checked for NUL bytes and well-formed UTF-8 (that is, for being text). */
    public static final int CHECKED_BYTES = 64 * 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Where the parser is within a record. */
    private enum Field { START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    // the stream
    private long position;
    private final byte[] head = new byte[BOM.length];
    private int headLength;
    private boolean headDone;
    private boolean closed;
    private boolean gaveUp;
    private CsvProfile profile;

    // UTF-8 check of the first bytes: continuation bytes still expected and the range allowed for the next one
    private int continuations;
    private int nextLow = 0x80;
    private int nextHigh = 0xBF;

    // the record being read
    private Field field = Field.START;
    private boolean afterCarriageReturn;
    private int recordBytes;
    private int fieldIndex;
    private byte[] value = new byte[256];
    private int valueLength;

    // what has been learned: the header's cells while it is read, then the column names and types
    private List<String> header = new ArrayList<>();
    private List<String> names;
    private boolean namesCut;
    private Type[] types;
    private long rows;

    @Override
    public void write(int b) {
        if (!closed && !gaveUp) {
            accept((byte) b);
        }
    }

    @Override
    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (closed || gaveUp) {
            return;
        }
        int end = Math.min(bytes.length, offset + Math.max(0, length));
        int i = Math.max(0, offset);
        while (i < end && !gaveUp) {
            if (headDone && continuations == 0 && position >= CHECKED_BYTES && !sampling()) {
                position += end - i;
                count(bytes, i, end);
                return;
            }
            accept(bytes[i++]);
        }
    }

    @Override
    public void flush() {
        // nothing buffered that a flush could pass on
    }

    /**
     * Ends the input: the last record counts even without a line end. Idempotent.
     *
     * @throws IOException never; declared as {@link OutputStream#close()} declares it
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!gaveUp && !headDone) {
            replayHead();
        }
        if (!gaveUp && continuations > 0) {
            gaveUp = true; // the input ends inside a UTF-8 sequence
        }
        if (!gaveUp) {
            if (field == Field.QUOTED) {
                gaveUp = true; // a quote left open
            } else if (recordBytes > 0) {
                endRecord();
            }
        }
        if (!gaveUp && names != null) {
            List<CsvProfile.Column> columns = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                columns.add(new CsvProfile.Column(names.get(i), (types[i] == null ? Type.STRING : types[i]).label));
            }
            profile = new CsvProfile(rows, columns, namesCut);
        }
        value = null;
        types = null;
    }

    /**
     * The profile, present when the input was CSV within the limits.
     *
     * @throws IllegalStateException before {@link #close()}
     */
    public Optional<CsvProfile> profile() {
        if (!closed) {
            throw new IllegalStateException("The profile is known only after close()");
        }
        return Optional.ofNullable(profile);
    }

    private void accept(byte b) {
        if (position++ < CHECKED_BYTES || continuations > 0) {
            checkText(b & 0xFF);
            if (gaveUp) {
                return;
            }
        }
        if (!headDone) {
            head[headLength] = b;
            if (b == BOM[headLength]) {
                if (++headLength == BOM.length) {
                    headDone = true; // a byte order mark: skipped
                }
                return;
            }
            headLength++;
            replayHead();
            return;
        }
        parse(b);
    }

    private void replayHead() {
        headDone = true;
        for (int i = 0; i < headLength && !gaveUp; i++) {
            parse(head[i]);
        }
    }

    /** Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) without NUL. */
    private void checkText(int b) {
        if (continuations > 0) {
            if (b < nextLow || b > nextHigh) {
                gaveUp = true;
            }
            continuations--;
            nextLow = 0x80;
            nextHigh = 0xBF;
        } else if (b == 0) {
            gaveUp = true;
        } else if (b < 0x80) {
            return;
        } else if (b >= 0xC2 && b <= 0xDF) {
            continuations = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            continuations = 2;
            nextLow = b == 0xE0 ? 0xA0 : 0x80;
            nextHigh = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            continuations = 3;
            nextLow = b == 0xF0 ? 0x90 : 0x80;
            nextHigh = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            gaveUp = true;
        }
    }

    private void parse(byte b) {
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (b == '\n') {
                return; // the LF of a CRLF
            }
        }
        boolean lineEnd = b == '\n' || b == '\r';
        if (lineEnd && field != Field.QUOTED) {
            afterCarriageReturn = b == '\r';
            if (recordBytes > 0) {
                endRecord();
            }
            return; // a blank line when recordBytes == 0
        }
        if (++recordBytes > MAX_RECORD_BYTES) {
            gaveUp = true;
            return;
        }
        switch (field) {
            case START -> {
                if (b == '"') {
                    field = Field.QUOTED;
                } else if (b == ',') {
                    endField();
                } else {
                    append(b);
                    field = Field.UNQUOTED;
                }
            }
            case UNQUOTED -> {
                if (b == ',') {
                    endField();
                } else {
                    append(b);
                }
            }
            case QUOTED -> {
                if (b == '"') {
                    field = Field.QUOTE_IN_QUOTED;
                } else {
                    append(b);
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (b == '"') {
                    append(b); // a doubled quote
                    field = Field.QUOTED;
                } else if (b == ',') {
                    endField();
                } else {
                    append(b); // text after a closing quote: kept, as most readers do
                    field = Field.UNQUOTED;
                }
            }
        }
    }

    /**
     * {@link #parse} for the rows after the sample, past the checked bytes: the same records, only counted,
     * in a tight loop (most of a large upload goes through here).
     */
    private void count(byte[] bytes, int from, int to) {
        Field state = field;
        int length = recordBytes;
        boolean carriageReturn = afterCarriageReturn;
        long records = rows;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (carriageReturn) {
                carriageReturn = false;
                if (b == '\n') {
                    continue;
                }
            }
            if ((b == '\n' || b == '\r') && state != Field.QUOTED) {
                carriageReturn = b == '\r';
                if (length > 0) {
                    records++;
                    length = 0;
                    state = Field.START;
                }
                continue;
            }
            if (++length > MAX_RECORD_BYTES) {
                gaveUp = true;
                break;
            }
            if (b == '"') {
                state = switch (state) {
                    case START, QUOTE_IN_QUOTED -> Field.QUOTED;
                    case QUOTED -> Field.QUOTE_IN_QUOTED;
                    case UNQUOTED -> Field.UNQUOTED;
                };
            } else if (b == ',') {
                state = state == Field.QUOTED ? Field.QUOTED : Field.START;
            } else if (state != Field.QUOTED) {
                state = Field.UNQUOTED;
            }
        }
        field = state;
        recordBytes = length;
        afterCarriageReturn = carriageReturn;
        rows = records;
        fieldIndex = 0;
    }

    /** Whether cells are being looked at: the header and the sampled rows. */
    private boolean sampling() {
        return names == null || rows < SAMPLE_ROWS;
    }

    private void append(byte b) {
        if (!sampling()) {
            return;
        }
        if (valueLength == value.length) {
            value = Arrays.copyOf(value, value.length * 2); // bounded: one record is at most MAX_RECORD_BYTES
        }
        value[valueLength++] = b;
    }

    private void endField() {
        field = Field.START;
        int index = fieldIndex++;
        if (!sampling()) {
            return;
        }
        if (index >= MAX_COLUMNS) {
            gaveUp = true;
        } else if (names == null) {
            String cell = new String(value, 0, valueLength, StandardCharsets.UTF_8);
            String name = CsvProfile.columnName(cell);
            namesCut |= name.length() < cell.length();
            header.add(name);
        } else if (index >= types.length) {
            gaveUp = true; // more fields than the header
        } else if (types[index] != Type.STRING) {
            Type type = CsvCellTypes.classify(new String(value, 0, valueLength, StandardCharsets.UTF_8));
            if (type != null) {
                types[index] = CsvCellTypes.merge(types[index], type);
            }
        }
        valueLength = 0;
    }

    private void endRecord() {
        endField();
        if (!gaveUp) {
            if (names == null) {
                names = List.copyOf(header);
                header = null;
                types = new Type[names.size()];
            } else {
                if (rows < SAMPLE_ROWS && fieldIndex != types.length) {
                    gaveUp = true; // fewer fields than the header
                }
                rows++;
            }
        }
        field = Field.START;
        recordBytes = 0;
        fieldIndex = 0;
        valueLength = 0;
        if (!sampling() && value.length > 256) {
            value = new byte[256]; // the sample is done: release a large record's buffer
        }
    }
}
