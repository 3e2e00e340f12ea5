package io.slipway.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** A request body that fails with the caller's problem (a 413) as soon as more than a limit is read from it. */
public final class BoundedBody extends FilterInputStream {

    private final long maxBytes;
    private final Supplier<ProblemException> tooLarge;
    private long read;

    private BoundedBody(InputStream in, long maxBytes, Supplier<ProblemException> tooLarge) {
        super(in);
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
    }

    public static InputStream of(InputStream in, long maxBytes, Supplier<ProblemException> tooLarge) {
        return new BoundedBody(in, maxBytes, tooLarge);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > maxBytes) {
            throw tooLarge.get();
        }
    }
}
