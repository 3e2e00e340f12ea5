package io.slipway.console;

import com.vaadin.flow.data.provider.Query;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Feeds a lazily loading grid from a cursor-paged service: pages are fetched in order as the grid scrolls and
 * kept, so the grid's offset/limit requests never re-read what is already loaded.
 */
public final class CursorPaging<T> {

    private static final int PAGE_SIZE = 50;

    private final Function<PageRequest, Page<T>> source;
    private final List<T> loaded = new ArrayList<>();
    private String nextCursor;
    private boolean exhausted;

    private CursorPaging(Function<PageRequest, Page<T>> source) {
        this.source = source;
    }

    public static <T> CursorPaging<T> of(Function<PageRequest, Page<T>> source) {
        return new CursorPaging<>(source);
    }

    /** The grid's fetch callback. */
    public Stream<T> fetch(Query<T, Void> query) {
        int end = query.getOffset() + query.getLimit();
        while (loaded.size() < end && !exhausted) {
            Page<T> page = source.apply(PageRequest.of(PAGE_SIZE, nextCursor));
            loaded.addAll(page.items());
            nextCursor = page.nextCursor();
            exhausted = nextCursor == null;
        }
        int from = Math.min(query.getOffset(), loaded.size());
        return List.copyOf(loaded.subList(from, Math.min(end, loaded.size()))).stream();
    }
}
