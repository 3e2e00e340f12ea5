package io.slipway.api;

import io.slipway.auth.LogSafe;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A failure as a log may print it: a copy of its chain (causes and suppressed failures) whose messages went
 * through {@link LogSafe}, with the original stack frames. Exception messages often quote the request (a field
 * name, a value the database refused), so a stack trace printed as is could forge log lines.
 */
public final class LoggedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Causes and suppressed failures copied at most; a longer chain ends there. */
    private static final int MAX_COPIED = 32;

    private LoggedFailure(String text, LoggedFailure cause) {
        super(text, cause);
    }

    /** The copy to hand to a logger instead of {@code failure}. */
    public static Throwable of(Throwable failure) {
        return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static LoggedFailure copy(Throwable original, Set<Throwable> seen) {
        seen.add(original);
        Throwable cause = original.getCause();
        LoggedFailure copiedCause = cause == null || seen.contains(cause) || seen.size() >= MAX_COPIED
                ? null : copy(cause, seen);
        String message = original.getMessage();
        LoggedFailure copy = new LoggedFailure(original.getClass().getName()
                + (message == null ? "" : ": " + LogSafe.of(message)), copiedCause);
        copy.setStackTrace(original.getStackTrace());
        for (Throwable suppressed : original.getSuppressed()) {
            if (!seen.contains(suppressed) && seen.size() < MAX_COPIED) {
                copy.addSuppressed(copy(suppressed, seen));
            }
        }
        return copy;
    }

    /** The original's class and escaped message, as its own {@code toString()} would start. */
    @Override
    public String toString() {
        return getMessage();
    }
}
