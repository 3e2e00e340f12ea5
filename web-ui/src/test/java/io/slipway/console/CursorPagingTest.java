package io.slipway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.provider.Query;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CursorPagingTest {

    @Test
    void concatenatedSourcesAreReadOneAfterTheOtherEachToItsEnd() {
        List<String> asked = new ArrayList<>();
        CursorPaging<String> paging = CursorPaging.concat(List.of(source("pending", 70, asked),
                source("approved", 0, asked), source("rejected", 3, asked)));

        List<String> all = paging.fetch(new Query<>(0, 200, List.of(), null, null)).toList();

        assertThat(all).hasSize(73);
        assertThat(all.subList(0, 70)).allMatch(s -> s.startsWith("pending"));
        assertThat(all.subList(70, 73)).containsExactly("rejected-0", "rejected-1", "rejected-2");
        assertThat(asked).containsExactly("pending@first", "pending@next", "approved@first", "rejected@first");
    }

    @Test
    void aWindowWithinTheFirstSourceReadsNoFurther() {
        List<String> asked = new ArrayList<>();
        CursorPaging<String> paging = CursorPaging.concat(List.of(source("pending", 70, asked),
                source("rejected", 3, asked)));

        assertThat(paging.fetch(new Query<>(10, 20, List.of(), null, null)).toList())
                .containsExactlyElementsOf(IntStream.range(10, 30).mapToObj(i -> "pending-" + i).toList());
        assertThat(asked).containsExactly("pending@first");
    }

    /** {@code size} items named {@code name-i}, served in pages of the requested limit. */
    private static Function<PageRequest, Page<String>> source(String name, int size, List<String> asked) {
        return request -> {
            int from = request.afterNumber().map(n -> n.intValue() + 1).orElse(0);
            asked.add(name + (from == 0 ? "@first" : "@next"));
            List<String> rows = IntStream.range(from, Math.min(size, from + request.limit() + 1))
                    .mapToObj(i -> name + "-" + i).toList();
            return Page.of(rows, request, s -> s.substring(s.lastIndexOf('-') + 1));
        };
    }
}
