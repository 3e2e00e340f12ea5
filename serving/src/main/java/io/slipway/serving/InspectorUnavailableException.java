package io.slipway.serving;

/**
 * The inspector cannot judge a model now: all its processes are busy ({@link #busy()}, worth retrying), or it
 * cannot start one at all (a broken installation, for the operator). Never the model's fault.
 */
public final class InspectorUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean busy;

    private InspectorUnavailableException(boolean busy, String message, Throwable cause) {
        super(message, cause);
        this.busy = busy;
    }

    /** Every inspector process is in use and none became free in time. */
    public static InspectorUnavailableException busy(String message) {
        return new InspectorUnavailableException(true, message, null);
    }

    /** No inspector process can be started or asked (the message is for the server's log, not for users). */
    public static InspectorUnavailableException broken(String message, Throwable cause) {
        return new InspectorUnavailableException(false, message, cause);
    }

    /** Whether trying again later may succeed because the inspector was only busy. */
    public boolean busy() {
        return busy;
    }
}
