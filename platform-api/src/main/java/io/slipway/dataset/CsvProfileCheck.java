package io.slipway.dataset;

import io.slipway.api.ContentType;
import io.slipway.artifact.ContentCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** Profiles CSV content as it streams; never rejects (a file that is not CSV simply has no profile). */
final class CsvProfileCheck implements ContentCheck {

    private final CsvProfiler profiler = new CsvProfiler();

    @Override
    public OutputStream tee() {
        return profiler;
    }

    @Override
    public void verify() {
        close();
    }

    @Override
    public void close() {
        try {
            profiler.close();
        } catch (IOException ignored) {
            // the profiler holds no resources
        }
    }

    Optional<CsvProfile> profile() {
        return profiler.profile();
    }

    /** Whether an upload looks like CSV by its media type or file name. */
    static boolean appliesTo(String mediaType, Optional<String> fileName) {
        boolean csvType = ContentType.parse(mediaType)
                .map(type -> type.is("text", "csv") || type.is("application", "csv")).orElse(false);
        return csvType || fileName.map(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv")).orElse(false);
    }
}
