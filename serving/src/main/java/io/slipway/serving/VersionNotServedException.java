package io.slipway.serving;

/** A request named a model version its deployment does not have loaded. */
public final class VersionNotServedException extends Exception {

    private static final long serialVersionUID = 1L;

    public VersionNotServedException(String message) {
        super(message);
    }
}
