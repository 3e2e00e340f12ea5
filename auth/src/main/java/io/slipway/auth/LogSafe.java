package io.slipway.auth;

/**
 * Makes a value that came from a request safe to write into a log line: a caller cannot start a forged
 * line, hide text with bidirectional overrides, or flood the log. Control characters (ISO controls, line and
 * paragraph separators), format characters (bidirectional overrides, zero-width characters) and unpaired
 * surrogates become Java-style escapes (a backslash, {@code u} and four hex digits per UTF-16 unit), a backslash
 * becomes two (so an escape in the log is always one that this class wrote), and what is written is bounded:
 * longer values are cut and say how many characters were left out.
 */
public final class LogSafe {

    /** How many characters of a value a log line carries at most (before the note on what was cut). */
    static final int MAX_CHARS = 200;

    private LogSafe() {
    }

    /**
     * The value's {@code toString()}, escaped and bounded; {@code "null"} for null.
     */
    public static String of(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        int i = 0;
        while (i < text.length() && out.length() < MAX_CHARS) {
            int cp = text.codePointAt(i);
            appendEscaped(out, cp);
            i += Character.charCount(cp);
        }
        if (i < text.length()) {
            out.append("...(").append(text.length() - i).append(" more chars)");
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        if (cp == '\\') {
            out.append("\\\\");
        } else if (needsEscape(cp)) {
            for (char unit : Character.toChars(cp)) {
                out.append(String.format("\\u%04X", (int) unit));
            }
        } else {
            out.appendCodePoint(cp);
        }
    }

    private static boolean needsEscape(int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
