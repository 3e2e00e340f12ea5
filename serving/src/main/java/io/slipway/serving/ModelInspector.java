package io.slipway.serving;

import java.nio.file.Path;

/**
 * Reads the signature of an ONNX model by loading it as serving will, or says why it cannot be served.
 * {@link OnnxInspector} loads it in the calling process; {@link IsolatedOnnxInspector}, the one the server
 * uses for uploads, in a short-lived child process with a memory limit, a time limit and a bounded number at once.
 */
public interface ModelInspector {

    /**
     * Loads the model, reads its inputs and outputs and releases it again, naming it {@code displayName} in
     * messages (the uploaded file's name, say, where the bytes sit in a temporary file). Messages never show
     * the file's path on this server.
     *
     * @throws UnloadableModelException      the model cannot be loaded; its {@link UnloadableModelException#reason()}
     *                                       says why, including the inspector's own limits (memory, time, a crash)
     * @throws InspectorUnavailableException the inspector cannot take the model now (too many at once) or at all
     */
    ModelSignature inspect(Path onnxFile, String displayName) throws UnloadableModelException;

    /** The largest file this inspector tries to load; a larger one is refused as {@code TOO_LARGE} unread. */
    long maxModelBytes();
}
