package io.slipway.deployment;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps the first {@value #LIMIT} bytes of a body as it streams past, for a payload sample in the request log; the
 * body itself is neither held back nor copied beyond that.
 */
final class PayloadCapture {

    static final int LIMIT = 16 * 1024;

    private final byte[] kept = new byte[LIMIT];
    private int length;
    private long seen;

    InputStream tee(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    keep(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                int read = super.read(buffer, offset, count);
                if (read > 0) {
                    keep(buffer, offset, read);
                }
                return read;
            }
        };
    }

    OutputStream tee(OutputStream body) {
        return new FilterOutputStream(body) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int count) throws IOException {
                out.write(buffer, offset, count);
                keep(buffer, offset, count);
            }
        };
    }

    private void keep(byte[] buffer, int offset, int count) {
        int room = Math.min(count, LIMIT - length);
        if (room > 0) {
            System.arraycopy(buffer, offset, kept, length, room);
            length += room;
        }
        seen += count;
    }

    /** The kept bytes as text, at most {@code textBytes} of them (a binary body's JSON header). */
    String text(long textBytes) {
        int upTo = (int) Math.min(length, Math.max(0, textBytes));
        return new String(Arrays.copyOf(kept, upTo), StandardCharsets.UTF_8);
    }

    /** Whether the body went on beyond what {@link #text} gives. */
    boolean cut(long textBytes) {
        return seen > Math.min(length, Math.max(0, textBytes));
    }
}
