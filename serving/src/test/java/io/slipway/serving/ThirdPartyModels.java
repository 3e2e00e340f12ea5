package io.slipway.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the real third-party ONNX models live (see the models README in that directory): the system property
 * {@code slipway.models.dir} (or {@code SLIPWAY_MODELS_DIR}), else the environment variable
 * {@code SLIPWAY_MODELS_DIR}, else {@code ../../shared/data/models} from the module directory.
 */
final class ThirdPartyModels {

    static final String PROPERTY = "slipway.models.dir";
    static final String VARIABLE = "SLIPWAY_MODELS_DIR";
    static final String DEFAULT = "../../shared/data/models";

    private ThirdPartyModels() {
    }

    /** The directory explicitly configured, if any. */
    static Optional<Path> configured() {
        String value = System.getProperty(PROPERTY, System.getProperty(VARIABLE, System.getenv(VARIABLE)));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value).toAbsolutePath());
    }

    /** The directory to read the models from; it need not exist. */
    static Path directory() {
        return configured().orElseGet(() -> Path.of(DEFAULT).toAbsolutePath().normalize());
    }

    static boolean present() {
        return Files.isRegularFile(directory().resolve("mnist.onnx"));
    }

    static String missingMessage() {
        return "the third-party ONNX models are not in " + directory() + " (set " + VARIABLE
                + " or -D" + PROPERTY + " to the directory holding tiny-matmul.onnx, mnist.onnx, ...)";
    }
}
