package io.slipway.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a model file is encoded; only ONNX is served, the others are stored as they are. */
public enum ModelFormat {
    ONNX("onnx", ".onnx"),
    PICKLE("pickle", ".pkl", ".pickle"),
    JOBLIB("joblib", ".joblib"),
    ZIP("zip", ".zip"),
    PMML("pmml", ".pmml"),
    OTHER("other");

    private final String label;
    private final String[] extensions;

    ModelFormat(String label, String... extensions) {
        this.label = label;
        this.extensions = extensions;
    }

    public String label() {
        return label;
    }

    public boolean servable() {
        return this == ONNX;
    }

    public static Optional<ModelFormat> fromLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }

    /** The format a file name's extension says, or OTHER. */
    public static ModelFormat fromFileName(Optional<String> fileName) {
        String name = fileName.orElse("").toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> Arrays.stream(f.extensions).anyMatch(name::endsWith))
                .findFirst().orElse(OTHER);
    }
}
