package io.slipway.serving;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a state another thread reaches, by checking it (never by sleeping a guessed time). */
final class Awaits {

    private Awaits() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
