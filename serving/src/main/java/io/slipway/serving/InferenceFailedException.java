package io.slipway.serving;

/**
 * ONNX Runtime could not answer a request that passed the input check (a fault in the model, an output serving
 * cannot return). The caller's request was well-formed; the message says what happened, without server paths.
 */
public final class InferenceFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public InferenceFailedException(String message) {
        super(message);
    }

    public InferenceFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
