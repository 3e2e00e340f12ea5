package io.slipway.serving;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.slipway.serving.UnloadableModelException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Loads a registered model for serving: streams its stored bytes to a temporary file while hashing them, refuses
 * bytes whose SHA-256 is not the registered one, opens an ONNX Runtime session sized to the execution target and
 * runs it once on zeros where the signature allows, so a model is checked before any traffic reaches it. What is
 * served is byte for byte what was validated. The temporary file is deleted on every path; the model is never
 * held in the Java heap.
 */
public final class ModelLoader {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final Path workDirectory;
    private final Set<OrtProvider> availableProviders;

    /**
     * @param workDirectory where the bytes wait while ONNX Runtime reads them (one file per load, deleted after)
     */
    public ModelLoader(Path workDirectory) {
        this(workDirectory, OrtEnvironment.getAvailableProviders());
    }

    /** As {@link #ModelLoader(Path)}, as if this ONNX Runtime had those providers (for selection tests). */
    ModelLoader(Path workDirectory, Set<OrtProvider> availableProviders) {
        this.workDirectory = workDirectory;
        this.availableProviders = Set.copyOf(availableProviders);
    }

    /**
     * Reads {@code content} to its end (the caller closes it) and loads it.
     *
     * @param expectedSha256 the registered SHA-256, lower-case hex
     * @param displayName    how messages name the model ({@code fraud v3}); never a path on this server
     * @return the model with one reference, the caller's
     * @throws UnloadableModelException if the bytes are not the registered ones, ONNX Runtime refuses them, the
     *                                  target needs a provider this build lacks, or the warm-up run fails
     */
    public LoadedModel load(InputStream content, String expectedSha256, String displayName, ExecutionTarget target)
            throws UnloadableModelException {
        OrtProvider provider = target.provider(availableProviders);
        Path file = null;
        try {
            Files.createDirectories(workDirectory);
            file = Files.createTempFile(workDirectory, "serving-", ".onnx");
            String actual = copyHashing(content, file, displayName);
            if (!actual.equalsIgnoreCase(expectedSha256)) {
                throw new UnloadableModelException(Reason.DIGEST_MISMATCH, "The stored bytes of " + displayName
                        + " have SHA-256 " + actual + ", not the registered " + expectedSha256
                        + ": the artifact is corrupt in storage, so it was not loaded.");
            }
            return open(file, actual, displayName, target, provider);
        } catch (IOException e) {
            throw new UnloadableModelException(Reason.UNREADABLE, "The stored bytes of " + displayName
                    + " could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private LoadedModel open(Path file, String sha256, String displayName, ExecutionTarget target, OrtProvider provider)
            throws UnloadableModelException {
        OnnxInspector.requireNonEmptyFile(file, displayName);
        OrtSession session = null;
        try (OrtSession.SessionOptions options = options(target, provider)) {
            session = environment.createSession(file.toString(), options);
            ModelSignature signature = new ModelSignature(OnnxInspector.specs(session.getInputInfo()),
                    OnnxInspector.specs(session.getOutputInfo()));
            LoadedModel model = new LoadedModel(environment, session, signature, sha256);
            warmUp(model, displayName);
            return model;
        } catch (OrtException e) {
            closeQuietly(session);
            throw OnnxInspector.unloadable(file, displayName, e);
        } catch (UnloadableModelException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** The options serving runs a model with: threads from the target, extended graph optimizations, its provider. */
    static OrtSession.SessionOptions options(ExecutionTarget target, OrtProvider provider) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(target.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
            if (provider == OrtProvider.CUDA) {
                options.addCUDA(target.gpuDevice());
            }
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /**
     * Runs the model once on zeros (a dynamic dimension taken as 1), so a model that loads but cannot run fails
     * here and not on a caller's request. Skipped for inputs serving cannot feed: their requests are refused anyway.
     */
    private static void warmUp(LoadedModel model, String displayName) throws UnloadableModelException {
        List<Tensor> zeros = new ArrayList<>();
        for (TensorSpec spec : model.signature().inputs()) {
            if (!spec.isTensor() || TensorType.ofOnnxName(spec.elementType()).isEmpty()) {
                return;
            }
            long[] shape = spec.shape().stream().mapToLong(d -> d == TensorSpec.DYNAMIC ? 1 : d).toArray();
            zeros.add(Tensor.zeros(spec.name(), TensorType.ofOnnxName(spec.elementType()).orElseThrow(), shape));
        }
        try {
            model.run(zeros, List.of());
        } catch (InferenceFailedException e) {
            throw new UnloadableModelException(Reason.REJECTED, displayName + " loads but fails its first run on"
                    + " zeros, so it was not put into service: " + e.getMessage(), e);
        }
    }

    private static String copyHashing(InputStream content, Path file, String displayName) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            content.transferTo(out);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // the load failed already; that failure is the one reported
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.getLogger(ModelLoader.class.getName()).log(System.Logger.Level.WARNING,
                        "Could not delete the temporary model file " + file, e);
            }
        }
    }
}
