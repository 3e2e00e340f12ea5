package io.slipway.run;

import jakarta.persistence.OptimisticLockException;
import java.util.function.Supplier;

/**
 * A run's row is written by its supervisor every second (heartbeat, log counts) and by whoever ends or cancels it;
 * a write that lost such a race (optimistic lock) is redone on a fresh read, a few times.
 */
final class Retries {

    private static final int ATTEMPTS = 5;

    private Retries() {
    }

    static <T> T onConflict(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || cause.getClass().getName().equals("org.hibernate.StaleStateException")
                    || cause.getClass().getName().equals("org.hibernate.StaleObjectStateException")) {
                return true;
            }
        }
        return false;
    }
}
