package io.slipway.run;

import io.slipway.compute.LogSink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The log of a run this server runs: every line, with its time and stream, kept in memory up to the cap (and a
 * truncation marker past it), and cut into chunks for object storage as it grows. Thread-safe: stdout and stderr
 * write, the supervisor takes chunks, readers read.
 */
final class RunLog implements LogSink {

    static final String TRUNCATED = "[slipway] log truncated: this run wrote more than %d bytes; the rest was dropped";

    private final long maxBytes;
    private final List<String> lines = new ArrayList<>();
    private long bytes;
    private boolean truncated;
    private int flushedLines;
    private int chunks;
    private long storedBytes;

    RunLog(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Goes on with a log of which {@code chunks} chunks holding {@code bytes} bytes are stored already. */
    RunLog(long maxBytes, int chunks, long bytes, boolean truncated) {
        this.maxBytes = maxBytes;
        this.chunks = chunks;
        this.bytes = bytes;
        this.storedBytes = bytes;
        this.truncated = truncated;
    }

    @Override
    public synchronized void line(Instant at, String stream, String text) {
        if (truncated) {
            return;
        }
        String line = DateTimeFormatter.ISO_INSTANT.format(at) + " " + stream + " " + text;
        long size = line.getBytes(StandardCharsets.UTF_8).length + 1L;
        if (bytes + size > maxBytes) {
            truncated = true;
            lines.add(DateTimeFormatter.ISO_INSTANT.format(at) + " slipway " + String.format(TRUNCATED, maxBytes));
            return;
        }
        bytes += size;
        lines.add(line);
    }

    /** A line Slipway itself writes into the log (why the run ended, say). */
    void note(String text) {
        synchronized (this) {
            lines.add(DateTimeFormatter.ISO_INSTANT.format(Instant.now()) + " slipway " + text);
        }
    }

    /** The lines from {@code from} on. */
    synchronized List<String> since(int from) {
        return from >= lines.size() ? List.of() : List.copyOf(lines.subList(Math.max(0, from), lines.size()));
    }

    synchronized List<String> last(int count) {
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The lines not yet in a chunk, as the next chunk's bytes; empty when there are none. */
    synchronized byte[] nextChunk() {
        if (flushedLines == lines.size()) {
            return new byte[0];
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines.subList(flushedLines, lines.size())) {
            text.append(line).append('\n');
        }
        flushedLines = lines.size();
        storedBytes = bytes;
        chunks++;
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    synchronized int chunks() {
        return chunks;
    }

    /** The bytes of the run's own output that the chunks written so far hold (what the run row records). */
    synchronized long storedBytes() {
        return storedBytes;
    }

    synchronized boolean truncated() {
        return truncated;
    }

    /** The object key of a run's chunk. */
    static String chunkKey(java.util.UUID runId, int index) {
        return "runs/" + runId + "/log/" + String.format("%06d", index);
    }
}
