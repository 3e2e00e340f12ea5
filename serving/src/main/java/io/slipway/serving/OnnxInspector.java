package io.slipway.serving;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import io.slipway.serving.UnloadableModelException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the signature of an ONNX model by loading it with ONNX Runtime on the CPU, exactly as serving
 * does, so a model that passes inspection is a model serving can load. Thread-safe; every instance shares
 * the process-wide {@link OrtEnvironment}, which must never be closed while the process runs.
 * <p>
 * This loads the model in the calling process, with no bound on memory or time and no protection from a fault
 * in ONNX Runtime's native parser: the server inspects untrusted uploads with {@link IsolatedOnnxInspector},
 * which runs this class in a child process ({@link InspectorMain}).
 * <p>
 * Run the JVM with {@code ORT_DISABLE_TELEMETRY=1} in its environment: on Linux, ONNX Runtime 1.29 otherwise
 * collects usage telemetry (a device id and an event database under {@code ~/.cache/Microsoft}, files in
 * {@code /tmp}) and, when the process command line is longer than about 4 KB, crashes the whole JVM with a
 * segmentation fault while creating the environment. The variable must be set before the process starts.
 */
public final class OnnxInspector implements ModelInspector {

    /** The environment variable that turns ONNX Runtime's telemetry off; it must be {@code 1}. */
    public static final String TELEMETRY_OPT_OUT = "ORT_DISABLE_TELEMETRY";

    private static final System.Logger LOG = System.getLogger(OnnxInspector.class.getName());
    private static final String ELEMENT_TYPE_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";
    /** What the Java binding puts between the error code and ONNX Runtime's own message. */
    private static final String ORT_MESSAGE_MARKER = " - message: ";
    /**
     * How ONNX Runtime reports a failed allocation: the C++ exception's name in an {@code ORT_FAIL} message
     * (its only signal for it; there is no error code of its own).
     */
    private static final String ORT_ALLOCATION_FAILURE = "bad_alloc";

    static {
        if (!telemetryDisabled()) {
            LOG.log(System.Logger.Level.WARNING, TELEMETRY_OPT_OUT + " is not 1: ONNX Runtime collects usage telemetry"
                    + " and may crash the JVM when its command line is long. Set " + TELEMETRY_OPT_OUT
                    + "=1 in the server's environment.");
        }
    }

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

    /** Whether ONNX Runtime's telemetry is turned off for this process ({@value #TELEMETRY_OPT_OUT}=1). */
    public static boolean telemetryDisabled() {
        return "1".equals(System.getenv(TELEMETRY_OPT_OUT));
    }

    /**
     * Loads the model, reads its inputs and outputs and releases the session again.
     *
     * @throws UnloadableModelException if the file is missing, empty, not an ONNX protobuf (or truncated), or
     *                                  ONNX Runtime refuses it (for instance for an unregistered custom operator)
     */
    public ModelSignature inspect(Path onnxFile) throws UnloadableModelException {
        return inspect(onnxFile, onnxFile.getFileName() == null ? "the model" : onnxFile.getFileName().toString());
    }

    /**
     * As {@link #inspect(Path)}, naming the model {@code displayName} in messages (the uploaded file's name,
     * say, where the bytes sit in a temporary file). Messages never show the file's path on this server.
     */
    @Override
    public ModelSignature inspect(Path onnxFile, String displayName) throws UnloadableModelException {
        requireNonEmptyFile(onnxFile, displayName);
        try (OrtSession.SessionOptions options = sessionOptions();
                OrtSession session = environment.createSession(onnxFile.toString(), options)) {
            return new ModelSignature(specs(session.getInputInfo()), specs(session.getOutputInfo()));
        } catch (OrtException e) {
            throw unloadable(onnxFile, displayName, e);
        }
    }

    /** No limit of its own: the process's memory is the limit. */
    @Override
    public long maxModelBytes() {
        return Long.MAX_VALUE;
    }

    /**
     * The options serving loads models with: CPU, one intra-op thread, sequential execution and only the
     * basic (semantics-preserving, quick) graph optimizations. The caller closes them.
     */
    static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /** The file's size, when it is a regular file with at least one byte; else why it cannot be a model. */
    static long requireNonEmptyFile(Path onnxFile, String file) throws UnloadableModelException {
        long size;
        try {
            if (!Files.isRegularFile(onnxFile)) {
                throw new UnloadableModelException(Reason.UNREADABLE, "Model file " + file + " does not exist"
                        + (Files.exists(onnxFile) ? " as a regular file." : "."));
            }
            size = Files.size(onnxFile);
        } catch (NoSuchFileException e) {
            throw new UnloadableModelException(Reason.UNREADABLE, "Model file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new UnloadableModelException(Reason.UNREADABLE,
                    "Model file " + file + " cannot be read (" + e.getClass().getSimpleName() + ").", e);
        }
        if (size == 0) {
            throw new UnloadableModelException(Reason.EMPTY, "Model file " + file + " is empty (0 bytes).");
        }
        return size;
    }

    static UnloadableModelException unloadable(Path onnxFile, String file, OrtException e) {
        String ort = "ONNX Runtime (" + e.getCode() + "): " + ortMessage(onnxFile, file, e);
        if (String.valueOf(e.getMessage()).contains(ORT_ALLOCATION_FAILURE)) {
            return new UnloadableModelException(Reason.OUT_OF_MEMORY, "Loading " + file
                    + " needs more memory than the inspector may use, so it was not loaded. " + ort, e);
        }
        return switch (e.getCode()) {
            case ORT_INVALID_PROTOBUF -> new UnloadableModelException(Reason.NOT_ONNX, file
                    + " is not an ONNX model: its bytes do not parse as an ONNX protobuf (the file is truncated,"
                    + " corrupt or in another format). " + ort, e);
            case ORT_NO_SUCHFILE -> new UnloadableModelException(Reason.UNREADABLE,
                    "Model file " + file + " cannot be read (or a file it refers to is missing). " + ort, e);
            default -> new UnloadableModelException(Reason.REJECTED,
                    "ONNX Runtime cannot load " + file + ", so it cannot be served. " + ort, e);
        };
    }

    /** ONNX Runtime's own text without the Java binding's prefix and with the server's path replaced by the name. */
    private static String ortMessage(Path onnxFile, String file, OrtException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf(ORT_MESSAGE_MARKER);
        if (message.startsWith("Error code - ") && start >= 0) {
            message = message.substring(start + ORT_MESSAGE_MARKER.length());
        }
        return message.replace(onnxFile.toAbsolutePath().toString(), file).replace(onnxFile.toString(), file);
    }

    static List<TensorSpec> specs(Map<String, NodeInfo> nodes) {
        return nodes.values().stream().map(node -> spec(node.getName(), node.getInfo())).toList();
    }

    private static TensorSpec spec(String name, ValueInfo info) {
        return switch (info) {
            case TensorInfo tensor -> new TensorSpec(name, elementType(tensor.onnxType),
                    Arrays.stream(tensor.getShape()).map(d -> d < 0 ? TensorSpec.DYNAMIC : d).boxed().toList());
            case SequenceInfo ignored -> new TensorSpec(name, TensorSpec.SEQUENCE, List.of());
            case MapInfo ignored -> new TensorSpec(name, TensorSpec.MAP, List.of());
            default -> new TensorSpec(name, "unknown", List.of());
        };
    }

    /** {@code ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT} becomes {@code float}, as ONNX itself names the types. */
    private static String elementType(TensorInfo.OnnxTensorType type) {
        String name = type.name();
        if (name.startsWith(ELEMENT_TYPE_PREFIX)) {
            name = name.substring(ELEMENT_TYPE_PREFIX.length());
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
