package io.slipway.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code nextCursor} is absent on the last page; pass it back as {@code ?cursor=} for
 * the next one.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in key order: the extra row only says that
     * another page exists, and the cursor is the key of the last row returned.
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, PageRequest request, Function<T, String> keyOf) {
        if (rowsPlusOne.size() <= request.limit()) {
            return new Page<>(List.copyOf(rowsPlusOne), null);
        }
        List<T> items = List.copyOf(rowsPlusOne.subList(0, request.limit()));
        return new Page<>(items, PageRequest.encode(keyOf.apply(items.getLast())));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
