package io.slipway.compute;

import java.time.Instant;

/** Where a process's output goes, line by line, as it is written. Called from two threads (stdout, stderr). */
@FunctionalInterface
public interface LogSink {

    /** @param stream {@code stdout} or {@code stderr} */
    void line(Instant at, String stream, String text);
}
