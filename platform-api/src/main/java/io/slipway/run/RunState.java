package io.slipway.run;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** QUEUED, then RUNNING, then one of the four ends. */
public enum RunState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ended() {
        return this != QUEUED && this != RUNNING;
    }

    /** Stores the state by its label. */
    @Converter
    public static class Column implements AttributeConverter<RunState, String> {
        @Override
        public String convertToDatabaseColumn(RunState state) {
            return state == null ? null : state.label();
        }

        @Override
        public RunState convertToEntityAttribute(String label) {
            return label == null ? null : RunState.valueOf(label.toUpperCase(Locale.ROOT));
        }
    }
}
