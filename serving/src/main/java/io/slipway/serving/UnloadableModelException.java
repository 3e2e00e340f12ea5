package io.slipway.serving;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

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
        REJECTED("model-rejected"),
        /** The file is larger than the inspector's memory: it cannot be loaded there, so it is not tried. */
        TOO_LARGE("model-too-large-to-inspect"),
        /** Loading the model needed more memory than the inspector may use. */
        OUT_OF_MEMORY("inspection-out-of-memory"),
        /** Loading the model took longer than the inspector may take; it was stopped. */
        TIMED_OUT("inspection-timed-out"),
        /** The inspector process died while loading the model (a signal, a fault in the native parser). */
        CRASHED("inspection-crashed"),
        /** The bytes read from storage are not the registered ones (their SHA-256 differs): corrupt in storage. */
        DIGEST_MISMATCH("model-digest-mismatch"),
        /** The model should run on GPUs, but this process's ONNX Runtime has no GPU execution provider. */
        NO_GPU_PROVIDER("gpu-provider-missing");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** A stable, machine-readable code such as {@code model-not-onnx}. */
        public String code() {
            return code;
        }

        /**
         * Whether the model itself is at fault (its bytes or its graph), rather than a limit of the inspector
         * (memory, time) or a failure while loading it.
         */
        public boolean isDefectOfTheFile() {
            return switch (this) {
                case UNREADABLE, EMPTY, NOT_ONNX, REJECTED -> true;
                case TOO_LARGE, OUT_OF_MEMORY, TIMED_OUT, CRASHED, DIGEST_MISMATCH, NO_GPU_PROVIDER -> false;
            };
        }

        /** The reason with that {@link #code()}. */
        public static Optional<Reason> ofCode(String code) {
            return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
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

    /**
     * A model of {@code size} bytes refused unread because the inspector that would load it has only
     * {@code memoryBytes} of memory.
     */
    public static UnloadableModelException tooLargeToInspect(String displayName, long size, long memoryBytes) {
        return new UnloadableModelException(Reason.TOO_LARGE, displayName + " is too large to inspect within "
                + InspectorSettings.describe(memoryBytes) + " of memory (it has " + InspectorSettings.describe(size)
                + "), so it cannot be served here.");
    }

    public Reason reason() {
        return reason;
    }
}
