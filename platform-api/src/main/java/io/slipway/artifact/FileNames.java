package io.slipway.artifact;

/** Client-supplied file names, made harmless: they are shown and offered on download, never used as paths. */
public final class FileNames {

    /** The longest name kept (the database column's length), in UTF-16 units. */
    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /**
     * Keeps the last path segment; drops control characters (NUL included), format characters (bidirectional
     * overrides and isolates, zero-width characters), line and paragraph separators, unpaired surrogates and
     * quotes — as the download header does — and keeps at most {@value #MAX_LENGTH} characters, never half a
     * surrogate pair. A name that is only dots becomes empty.
     */
    public static String sanitize(String name) {
        String kept = name.codePoints()
                .filter(FileNames::isKept)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        String clean = kept.substring(Math.max(kept.lastIndexOf('/'), kept.lastIndexOf('\\')) + 1).strip();
        if (clean.equals(".") || clean.equals("..")) {
            clean = "";
        }
        if (clean.length() <= MAX_LENGTH) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return clean.substring(0, end).strip();
    }

    private static boolean isKept(int c) {
        if (Character.isISOControl(c) || c == '"' || c == '\'' || c == ';') {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.FORMAT && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE;
    }
}
