package io.slipway.serving;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deployment's bounded queue: at most {@code concurrency} requests run at once, at most {@code queueCapacity}
 * more wait, and any request beyond that is refused at once with a retry hint instead of piling up. The hint is
 * the time the queue ahead of it would take to drain at the recent service time.
 */
public final class Admission {

    /** Weight of the newest service time in the moving average. */
    private static final double SMOOTHING = 0.1;

    private final int concurrency;
    private final int queueCapacity;
    private final Semaphore running;
    private final AtomicInteger admitted = new AtomicInteger();
    /** Moving average of a request's service time, in nanoseconds (as raw long bits of a double). */
    private final AtomicLong averageNanos = new AtomicLong(Double.doubleToRawLongBits(1_000_000));

    public Admission(int concurrency, int queueCapacity) {
        if (concurrency < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("concurrency must be at least 1 and queueCapacity at least 0");
        }
        this.concurrency = concurrency;
        this.queueCapacity = queueCapacity;
        this.running = new Semaphore(concurrency, true);
    }

    /**
     * Takes the request: returns when it may run, as a ticket to close when it is done.
     *
     * @throws OverloadedException  if {@code concurrency} run and {@code queueCapacity} wait already
     * @throws InterruptedException if the thread is interrupted while waiting (the request is not taken)
     */
    public Ticket enter() throws OverloadedException, InterruptedException {
        int now = admitted.incrementAndGet();
        if (now > concurrency + queueCapacity) {
            admitted.decrementAndGet();
            throw new OverloadedException("This deployment is at capacity: " + concurrency + " requests are running"
                    + " and " + queueCapacity + " are waiting. Try again shortly.", retryAfter());
        }
        try {
            running.acquire();
        } catch (InterruptedException e) {
            admitted.decrementAndGet();
            throw e;
        }
        return new Ticket(System.nanoTime());
    }

    /** Requests waiting to run (not counting those running): the queue depth metric. */
    public int waiting() {
        return Math.max(0, admitted.get() - concurrency);
    }

    /** Requests taken and not yet done. */
    public int inFlight() {
        return admitted.get();
    }

    /** The time for the queue to drain at the recent service time, in whole seconds, at least one. */
    Duration retryAfter() {
        double perRequest = Double.longBitsToDouble(averageNanos.get());
        double drainNanos = perRequest * (queueCapacity + 1) / concurrency;
        return Duration.ofSeconds(Math.max(1, (long) Math.ceil(drainNanos / 1e9)));
    }

    private void record(long nanos) {
        averageNanos.updateAndGet(bits -> {
            double average = Double.longBitsToDouble(bits);
            return Double.doubleToRawLongBits(average + SMOOTHING * (nanos - average));
        });
    }

    /** A request's place: close it when the request is done. */
    public final class Ticket implements AutoCloseable {

        private final long start;
        private boolean open = true;

        private Ticket(long start) {
            this.start = start;
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                record(System.nanoTime() - start);
                running.release();
                admitted.decrementAndGet();
            }
        }
    }
}
