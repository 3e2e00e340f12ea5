package io.slipway.registry;

import io.slipway.api.ProblemException;
import io.slipway.artifact.ContentCheck;
import io.slipway.serving.ModelSignature;
import io.slipway.serving.OnnxInspector;
import io.slipway.serving.UnloadableModelException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Validates an ONNX upload the way serving will load it: the bytes are copied to a temporary file as they
 * stream (ONNX Runtime loads a model whole, from a file) and, once complete, loaded by ONNX Runtime. A file it
 * refuses is rejected with the runtime's own reason. The temporary file is deleted in every case.
 */
final class OnnxCheck implements ContentCheck {

    private final OnnxInspector inspector;
    private final Path file;
    private final OutputStream out;
    private ModelSignature signature;

    private final String displayName;

    OnnxCheck(OnnxInspector inspector, String displayName) {
        this.inspector = inspector;
        this.displayName = displayName;
        try {
            this.file = Files.createTempFile("slipway-upload-", ".onnx");
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file to validate the model", e);
        }
    }

    @Override
    public OutputStream tee() {
        return out;
    }

    @Override
    public void verify() {
        try {
            out.close();
            signature = inspector.inspect(file, displayName);
        } catch (UnloadableModelException e) {
            throw ProblemException.unprocessable("invalid-onnx", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the temporary copy of the model", e);
        }
    }

    ModelSignature signature() {
        return signature;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the file goes anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the operating system's temporary directory is cleaned eventually
        }
    }
}
