package io.slipway.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Loads the hand-made test models the way serving loads a registered version. */
final class TestModels {

    private TestModels() {
    }

    /** {@code y = x * factor}, loaded and checked, with one reference (the caller's). */
    static LoadedModel multiplier(Path dir, float factor) throws Exception {
        Path file = HandmadeModels.multipliesBy(Files.createTempFile(dir, "multiplies-", ".onnx"), factor);
        try (InputStream in = Files.newInputStream(file)) {
            return new ModelLoader(dir.resolve("work")).load(in, sha256(file), "multiplies-by-" + factor,
                    ExecutionTarget.cpu(1));
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One request's input: rows of two floats each. */
    static Tensor rows(float... values) {
        return Tensor.ofFloats("x", new long[] {values.length / 2, 2}, values);
    }
}
