package io.slipway.serving;

import java.util.Objects;

/**
 * A model file that ONNX Runtime cannot load, so it cannot be served. The message is meant for the person
 * who uploaded the model and, where ONNX Runtime gave one, includes its own reason (for example that an
 * operator such as {@code DecodeImage} is not registered). Callers decide by {@link #reason()}, never by
 * the message text.
 */
public final class UnloadableModelException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the model cannot be loaded; stable codes for API errors and audit. */
    public enum Reason {
        /** The file does not exist or cannot be read. */
        UNREADABLE("model-unreadable"),
        /** The file has no bytes. */
        EMPTY("model-empty"),
        /** The bytes do not parse as an ONNX model protobuf: not ONNX, corrupt or truncated. */
        NOT_ONNX("model-not-onnx"),
        /**
         * The protobuf parses but ONNX Runtime rejects the model: an unknown or custom operator, an unsupported
         * opset or IR version, an invalid graph, an external-data file that is not there, and so on.
         */
        REJECTED("model-rejected");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** A stable, machine-readable code such as {@code model-not-onnx}. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public UnloadableModelException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public UnloadableModelException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
