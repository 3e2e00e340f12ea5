package io.slipway.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code ?limit=&cursor=} of a list request. The cursor is opaque to clients: the key of the last item of the
 * previous page (keyset pagination, stable under inserts).
 */
public record PageRequest(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(PageRequest::decode));
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** The cursor as a number, for lists keyed by a version or sequence number. */
    public Optional<Long> afterNumber() {
        return after.map(key -> {
            try {
                return Long.parseLong(key);
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
            }
        });
    }

    /** The cursor as an instant, for lists keyed by a time. */
    public Optional<java.time.Instant> afterInstant() {
        return after.map(key -> {
            try {
                return java.time.Instant.parse(key);
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
            }
        });
    }

    /** How many rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
        }
    }
}
