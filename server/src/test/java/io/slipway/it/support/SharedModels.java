package io.slipway.it.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real third-party ONNX models kept beside the repository ({@code ../shared/data/models}, or
 * {@code SLIPWAY_MODELS_DIR}). Never copied into the repository; tests that need them are skipped, saying
 * why, where they are absent.
 */
public final class SharedModels {

    private SharedModels() {
    }

    public static Path require(String fileName) {
        Path dir = Optional.ofNullable(System.getenv("SLIPWAY_MODELS_DIR")).map(Path::of)
                .orElse(Path.of(System.getProperty("slipway.models.dir", "../../shared/data/models")));
        Path model = dir.resolve(fileName);
        assumeTrue(Files.isRegularFile(model), "Skipped: the third-party model " + model.toAbsolutePath().normalize()
                + " is not here (it lives in ../shared/data/models beside the repository; set SLIPWAY_MODELS_DIR"
                + " to point elsewhere)");
        return model;
    }
}
