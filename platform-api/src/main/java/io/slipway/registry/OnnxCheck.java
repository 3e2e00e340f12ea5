package io.slipway.registry;

import io.slipway.api.ProblemException;
import io.slipway.artifact.ContentCheck;
import io.slipway.serving.InspectorUnavailableException;
import io.slipway.serving.ModelInspector;
import io.slipway.serving.ModelSignature;
import io.slipway.serving.UnloadableModelException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Validates an ONNX upload the way serving will load it: the bytes are copied into the {@link InspectionSpool} as
 * they stream (ONNX Runtime loads a model whole, from a file) and, once complete, loaded by the
 * {@link ModelInspector} (in a child process with its own limits). A file it refuses is rejected with 422 and the
 * reason; a model too large for the inspector is not even copied beyond that size. The copy is deleted in every
 * case: accepted, rejected, or an upload that broke off.
 */
final class OnnxCheck implements ContentCheck {

    /** The problem code of a model whose own bytes or graph ONNX Runtime refuses. */
    static final String INVALID_ONNX = "invalid-onnx";
    /** The problem code when no inspection can run now; retrying later may succeed. */
    static final String INSPECTOR_BUSY = "inspector-busy";
    /** The problem code when the server cannot inspect models at all (for the operator). */
    static final String INSPECTOR_UNAVAILABLE = "inspector-unavailable";

    private static final Logger LOG = Logger.getLogger(OnnxCheck.class.getName());

    private final ModelInspector inspector;
    private final InspectionSpool.Copy copy;
    private final String displayName;
    private ModelSignature signature;

    OnnxCheck(ModelInspector inspector, InspectionSpool spool, String displayName) {
        this.inspector = inspector;
        this.displayName = displayName;
        try {
            this.copy = spool.open(inspector.maxModelBytes());
        } catch (UncheckedIOException e) {
            throw unavailable("no copy of the model can be made", e);
        }
    }

    @Override
    public OutputStream tee() {
        return copy;
    }

    @Override
    public void verify() {
        switch (copy.finish()) {
            case COMPLETE -> inspect();
            case TOO_LARGE -> throw unloadable(UnloadableModelException.tooLargeToInspect(displayName, copy.size(),
                    inspector.maxModelBytes()));
            case NO_SPACE -> throw ProblemException.unavailable(INSPECTOR_BUSY, "The server is holding as many"
                    + " models awaiting inspection as it has room for; try the upload again in a moment.");
            case FAILED -> throw unavailable("the copy of the model could not be written", null);
        }
    }

    private void inspect() {
        try {
            signature = inspector.inspect(copy.file(), displayName);
        } catch (UnloadableModelException e) {
            throw unloadable(e);
        } catch (InspectorUnavailableException e) {
            if (e.busy()) {
                throw ProblemException.unavailable(INSPECTOR_BUSY, e.getMessage());
            }
            throw unavailable(e.getMessage(), e);
        }
    }

    private static ProblemException unloadable(UnloadableModelException e) {
        return ProblemException.unprocessable(e.reason().isDefectOfTheFile() ? INVALID_ONNX : e.reason().code(),
                e.getMessage());
    }

    private static ProblemException unavailable(String why, Throwable cause) {
        LOG.log(Level.SEVERE, "Cannot inspect an uploaded model: " + why, cause);
        return ProblemException.unavailable(INSPECTOR_UNAVAILABLE,
                "The server cannot inspect models right now; nothing was stored. Try again later.");
    }

    ModelSignature signature() {
        return signature;
    }

    @Override
    public void close() {
        copy.close();
    }
}
