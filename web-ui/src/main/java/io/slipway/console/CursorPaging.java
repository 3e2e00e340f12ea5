package io.slipway.console;

import com.vaadin.flow.data.provider.Query;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Feeds a lazily loading grid from a cursor-paged service (or several, one after the other): pages are fetched in
 * order as the grid scrolls and kept, so the grid's offset/limit requests never re-read what is already loaded.
 */
public final class CursorPaging<T> {

    private static final int PAGE_SIZE = 50;

    private final List<Function<PageRequest, Page<T>>> sources;
    private final List<T> loaded = new ArrayList<>();
    private int current;
    private String nextCursor;
    private boolean exhausted;

    private CursorPaging(List<Function<PageRequest, Page<T>>> sources) {
        this.sources = List.copyOf(sources);
    }

    public static <T> CursorPaging<T> of(Function<PageRequest, Page<T>> source) {
        return new CursorPaging<>(List.of(source));
    }

    /** All of the first source's items, then all of the next one's, and so on. */
    public static <T> CursorPaging<T> concat(List<Function<PageRequest, Page<T>>> sources) {
        return new CursorPaging<>(sources);
    }

    /** The grid's fetch callback. */
    public Stream<T> fetch(Query<T, Void> query) {
        int end = query.getOffset() + query.getLimit();
        while (loaded.size() < end && !exhausted) {
            Page<T> page = sources.get(current).apply(PageRequest.of(PAGE_SIZE, nextCursor));
            loaded.addAll(page.items());
            nextCursor = page.nextCursor();
            if (nextCursor == null) {
                current++;
                exhausted = current == sources.size();
            }
        }
        int from = Math.min(query.getOffset(), loaded.size());
        return List.copyOf(loaded.subList(from, Math.min(end, loaded.size()))).stream();
    }
}
