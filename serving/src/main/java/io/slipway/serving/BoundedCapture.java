package io.slipway.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a child process's output stream to its end on a virtual thread, keeping at most the first
 * {@code headLimit} bytes (for a reply) and the last {@code tailLimit} (for a log's tail) and discarding the rest,
 * so a process that prints without end neither blocks on a full pipe nor fills the server's memory.
 */
final class BoundedCapture {

    private final int headLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private long total;
    private final Thread reader;

    private BoundedCapture(InputStream stream, int headLimit, int tailLimit, String name) {
        this.headLimit = headLimit;
        this.tail = new byte[tailLimit];
        this.reader = Thread.ofVirtual().name(name).start(() -> drain(stream));
    }

    static BoundedCapture start(InputStream stream, int headLimit, int tailLimit, String name) {
        return new BoundedCapture(stream, headLimit, tailLimit, name);
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int n;
            while ((n = stream.read(buffer)) > 0) {
                append(buffer, n);
            }
        } catch (IOException ignored) {
            // the process is gone (or was killed): what arrived so far is all there is
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        int toHead = (int) Math.max(0, Math.min(n, headLimit - total));
        head.write(buffer, 0, toHead);
        for (int i = 0; i < n; i++) {
            tail[(int) ((total + i) % tail.length)] = buffer[i];
        }
        total += n;
    }

    /** Waits (at most {@code wait}) for the stream's end; the process has exited or been killed by then. */
    BoundedCapture awaitEnd(Duration wait) throws InterruptedException {
        reader.join(wait);
        return this;
    }

    /** Whether the stream carried more than the head's limit. */
    synchronized boolean overflowed() {
        return total > headLimit;
    }

    /** The first {@code headLimit} bytes, as UTF-8. */
    synchronized String head() {
        return head.toString(StandardCharsets.UTF_8);
    }

    /** The last {@code tailLimit} bytes (or fewer), as UTF-8. */
    synchronized String tail() {
        int size = (int) Math.min(total, tail.length);
        byte[] last = new byte[size];
        for (int i = 0; i < size; i++) {
            last[i] = tail[(int) ((total - size + i) % tail.length)];
        }
        return new String(last, StandardCharsets.UTF_8);
    }
}
