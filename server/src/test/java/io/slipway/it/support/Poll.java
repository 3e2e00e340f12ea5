package io.slipway.it.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads something until a condition holds of it: how the tests wait for background work, never by sleeping a guess. */
public final class Poll {

    private Poll() {
    }

    /** The first value {@code read} gives that {@code until} holds of, read every 20 ms for at most {@code limit}. */
    public static <T> T until(Supplier<T> read, Predicate<T> until, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        T value = null;
        while (System.nanoTime() < deadline) {
            value = read.get();
            if (until.test(value)) {
                return value;
            }
            try {
                Thread.sleep(20); // polling interval of a condition, not a guess at how long the work takes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + ": never happened within " + limit + "; last seen " + value);
    }
}
