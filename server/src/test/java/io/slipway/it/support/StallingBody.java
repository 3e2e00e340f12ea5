package io.slipway.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request body of {@code total} bytes that stops coming after {@code stallAt} of them: it opens
 * {@code stalled} and waits (at most two minutes) until {@code resume} opens, so a test can stop a
 * dependency, or kill the server, while an upload is half way.
 */
public final class StallingBody extends InputStream {

    private final long total;
    private final long stallAt;
    private final CountDownLatch stalled;
    private final CountDownLatch resume;
    private long sent;

    public StallingBody(long total, long stallAt, CountDownLatch stalled, CountDownLatch resume) {
        this.total = total;
        this.stallAt = stallAt;
        this.stalled = stalled;
        this.resume = resume;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (sent >= total) {
            return -1;
        }
        if (sent >= stallAt && stalled.getCount() > 0) {
            stalled.countDown();
            try {
                resume.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stalled", e);
            }
        }
        int n = (int) Math.min(length, sent < stallAt ? stallAt - sent : total - sent);
        Arrays.fill(buffer, offset, offset + n, (byte) ('a' + sent % 26));
        sent += n;
        return n;
    }
}
