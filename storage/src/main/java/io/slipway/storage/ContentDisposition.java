package io.slipway.storage;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a file name that came from a user (RFC 6266): only the last
 * path segment survives (after {@code /} or a backslash); quotes, control and format characters (NUL
 * included) and leading dots go; the plain {@code filename} is an ASCII fallback and {@code filename*}
 * carries the UTF-8 name.
 */
final class ContentDisposition {

    static final String FALLBACK_NAME = "download";
    private static final int MAX_NAME_CODE_POINTS = 200;

    private ContentDisposition() {
    }

    static String attachment(String fileName) {
        String name = sanitize(fileName);
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    /** The user's file name made harmless: a plain base name, never empty. */
    static String sanitize(String fileName) {
        if (fileName == null) {
            return FALLBACK_NAME;
        }
        StringBuilder kept = new StringBuilder();
        fileName.codePoints()
                .filter(c -> !Character.isISOControl(c) && c != '"' && c != '\u2028' && c != '\u2029'
                        && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String name = kept.toString();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        int start = 0;
        while (start < name.length() && name.charAt(start) == '.') {
            start++;
        }
        name = name.substring(start).strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME_CODE_POINTS) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME_CODE_POINTS));
        }
        return name.isEmpty() ? FALLBACK_NAME : name;
    }

    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '%' ? (char) c : '_'));
        return ascii.toString();
    }

    /** RFC 8187 value characters: attr-char stays, everything else is percent-encoded UTF-8. */
    private static String percentEncode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
