package io.slipway.serving;

import java.time.Duration;

/**
 * A deployment's queue is full: the request was not taken, so it cost nothing and may be sent again after
 * {@link #retryAfter()} (an HTTP 429 with {@code Retry-After}).
 */
public final class OverloadedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait before trying again (whole seconds, at least one). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
