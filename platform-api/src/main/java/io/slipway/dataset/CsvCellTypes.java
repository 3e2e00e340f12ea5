package io.slipway.dataset;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The type one CSV cell suggests, and how the types of a column's cells combine. Every step is linear in the
 * cell and most are constant: numbers are read by a hand-written scanner (no regular expression, so nothing can
 * backtrack), and only a cell short enough to be an ISO-8601 timestamp is given to the date parser.
 */
final class CsvCellTypes {

    /**
     * The longest text that can be a timestamp: a date, a time with nanoseconds, an offset with seconds and the
     * longest zone region id ({@code 2024-05-01T10:15:30.123456789+01:00:00[America/Argentina/ComodRivadavia]}
     * has 73 characters).
     */
    static final int MAX_TIMESTAMP_CHARS = 80;

    /** Column types in order of generality; {@link #merge} widens integer to decimal, anything else to string. */
    enum Type {
        INTEGER(CsvProfile.Column.INTEGER), DECIMAL(CsvProfile.Column.DECIMAL), BOOLEAN(CsvProfile.Column.BOOLEAN),
        TIMESTAMP(CsvProfile.Column.TIMESTAMP), STRING(CsvProfile.Column.STRING);

        final String label;

        Type(String label) {
            this.label = label;
        }
    }

    /** What {@link #scanNumber} found. */
    private enum Number { NONE, INTEGER, LONG_INTEGER, DECIMAL }

    private CsvCellTypes() {
    }

    /** The type one cell suggests (surrounding white space ignored), or null for an empty cell. */
    static Type classify(String cell) {
        String text = cell.strip();
        if (text.isEmpty()) {
            return null;
        }
        switch (scanNumber(text)) {
            case INTEGER -> {
                return Type.INTEGER;
            }
            case LONG_INTEGER, DECIMAL -> {
                return Type.DECIMAL;
            }
            case NONE -> {
                // not a number: look further
            }
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Type.BOOLEAN;
        }
        return isTimestamp(text) ? Type.TIMESTAMP : Type.STRING;
    }

    static Type merge(Type current, Type cell) {
        if (current == null || current == cell) {
            return cell;
        }
        boolean numeric = (current == Type.INTEGER || current == Type.DECIMAL)
                && (cell == Type.INTEGER || cell == Type.DECIMAL);
        return numeric ? Type.DECIMAL : Type.STRING;
    }

    /**
     * One pass over {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?} with ASCII digits: an
     * integer when there is neither point nor exponent ({@link Number#LONG_INTEGER} when it does not fit a
     * {@code long}), otherwise a decimal.
     */
    private static Number scanNumber(String text) {
        int length = text.length();
        int i = 0;
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            i++;
        }
        int integerStart = i;
        i = skipDigits(text, i);
        int integerDigits = i - integerStart;
        boolean point = i < length && text.charAt(i) == '.';
        int fractionDigits = 0;
        if (point) {
            int fractionStart = ++i;
            i = skipDigits(text, i);
            fractionDigits = i - fractionStart;
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            return Number.NONE; // "", "+", ".", "-." or no digit at all
        }
        boolean exponent = i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E');
        if (exponent) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            i = skipDigits(text, i);
            if (i == exponentStart) {
                return Number.NONE; // "1e", "1e+"
            }
        }
        if (i != length) {
            return Number.NONE;
        }
        if (point || exponent) {
            return Number.DECIMAL;
        }
        return fitsLong(text, integerStart) ? Number.INTEGER : Number.LONG_INTEGER;
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Whether an optionally signed run of digits (starting at {@code digitsStart}) fits a {@code long}. */
    private static boolean fitsLong(String integer, int digitsStart) {
        int significant = digitsStart;
        while (significant < integer.length() - 1 && integer.charAt(significant) == '0') {
            significant++;
        }
        int digits = integer.length() - significant;
        if (digits != 19) {
            return digits < 19; // Long.MAX_VALUE has 19 digits: fewer always fit, more never do
        }
        try {
            Long.parseLong(integer.substring(0, digitsStart) + integer.substring(significant));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** ISO-8601 date ({@code 2024-05-01}) or date-time, with {@code T} or a space, optional offset or zone. */
    private static boolean isTimestamp(String text) {
        if (text.length() < 10 || text.length() > MAX_TIMESTAMP_CHARS
                || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (iso.length() == 10) {
                DateTimeFormatter.ISO_LOCAL_DATE.parse(iso);
            } else {
                DateTimeFormatter.ISO_DATE_TIME.parse(iso);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
