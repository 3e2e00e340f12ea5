package io.slipway.api;

import java.util.Locale;
import java.util.Optional;

/**
 * A media type as a request names it (RFC 9110 §8.3.1: {@code type "/" subtype *(OWS ";" OWS parameter)}),
 * parsed once and compared case-insensitively: type, subtype and parameter names are lowercased, parameter
 * values are kept as written. The parser is one linear pass; what it cannot read is no media type at all, so
 * a decision never depends on how a client spelled one.
 *
 * @param type       e.g. {@code application}, lowercase
 * @param subtype    e.g. {@code json}, lowercase
 * @param parameters the parameters in canonical form ({@code ; name=value}, each name lowercase), or empty
 */
public record ContentType(String type, String subtype, String parameters) {

    /** The media type of bytes nobody described. */
    public static final String OCTET_STREAM = "application/octet-stream";
    /** The longest canonical form {@link #canonical} returns (the stored column's length). */
    public static final int MAX_CANONICAL_LENGTH = 255;

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    /** The media type in a Content-Type value, or empty when there is none or it is not one. */
    public static Optional<ContentType> parse(String value) {
        return value == null ? Optional.empty() : new Parser(value.strip()).mediaType();
    }

    /**
     * The canonical form of a Content-Type value, to store and to answer with again: {@code type/subtype} and its
     * parameters (only {@code type/subtype} when that would be longer than {@value #MAX_CANONICAL_LENGTH}
     * characters), or {@value #OCTET_STREAM} when the value is missing or no media type.
     */
    public static String canonical(String value) {
        Optional<ContentType> parsed = parse(value);
        if (parsed.isEmpty()) {
            return OCTET_STREAM;
        }
        String full = parsed.get().toString();
        if (full.length() <= MAX_CANONICAL_LENGTH) {
            return full;
        }
        String essence = parsed.get().essence();
        return essence.length() <= MAX_CANONICAL_LENGTH ? essence : OCTET_STREAM;
    }

    /** {@code type/subtype} without parameters. */
    public String essence() {
        return type + "/" + subtype;
    }

    public boolean is(String type, String subtype) {
        return this.type.equals(type.toLowerCase(Locale.ROOT)) && this.subtype.equals(subtype.toLowerCase(Locale.ROOT));
    }

    /** JSON of any flavour: a subtype {@code json} or {@code *+json} ({@code application/merge-patch+json}). */
    public boolean isJson() {
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    /** {@code multipart/*}. */
    public boolean isMultipart() {
        return type.equals("multipart");
    }

    @Override
    public String toString() {
        return essence() + parameters;
    }

    /** One pass over the value; any character out of place makes it no media type. */
    private static final class Parser {

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Optional<ContentType> mediaType() {
            String type = token();
            if (type.isEmpty() || !skip('/')) {
                return Optional.empty();
            }
            String subtype = token();
            if (subtype.isEmpty()) {
                return Optional.empty();
            }
            StringBuilder parameters = new StringBuilder();
            while (true) {
                skipWhitespace();
                if (at == text.length()) {
                    return Optional.of(new ContentType(type.toLowerCase(Locale.ROOT),
                            subtype.toLowerCase(Locale.ROOT), parameters.toString()));
                }
                if (!skip(';')) {
                    return Optional.empty();
                }
                skipWhitespace();
                if (at == text.length() || text.charAt(at) == ';') {
                    continue; // an empty parameter, which RFC 9110 allows
                }
                String name = token();
                if (name.isEmpty() || !skip('=')) {
                    return Optional.empty();
                }
                String value = at < text.length() && text.charAt(at) == '"' ? quotedString() : token();
                if (value == null || value.isEmpty()) {
                    return Optional.empty();
                }
                parameters.append(';').append(name.toLowerCase(Locale.ROOT)).append('=').append(value);
            }
        }

        private String token() {
            int start = at;
            while (at < text.length() && isTokenChar(text.charAt(at))) {
                at++;
            }
            return text.substring(start, at);
        }

        /** A quoted string as written, quotes and escapes included, or null when it is not closed. */
        private String quotedString() {
            int start = at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return text.substring(start, at);
                }
                if (c == '\\') {
                    if (at == text.length() || !isQuotable(text.charAt(at))) {
                        return null;
                    }
                    at++;
                } else if (!isQuotable(c)) {
                    return null;
                }
            }
            return null;
        }

        private boolean skip(char expected) {
            if (at < text.length() && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }

        private void skipWhitespace() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        private static boolean isTokenChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
        }

        /** qdtext, quoted-pair's characters: tab, visible ASCII, space and obs-text. */
        private static boolean isQuotable(char c) {
            return c == '\t' || c >= 0x20 && c != 0x7F && c <= 0xFF;
        }
    }
}
