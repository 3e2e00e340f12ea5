package io.slipway.deployment;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Locale;

/** Where a deployment stands: PENDING (nothing to serve yet) → LOADING → READY or FAILED. */
public enum DeploymentState {
    PENDING, LOADING, READY, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stored as its lower-case label. */
    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<DeploymentState, String> {

        @Override
        public String convertToDatabaseColumn(DeploymentState state) {
            return state == null ? null : state.label();
        }

        @Override
        public DeploymentState convertToEntityAttribute(String label) {
            return label == null ? null : Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unknown deployment state " + label));
        }
    }
}
