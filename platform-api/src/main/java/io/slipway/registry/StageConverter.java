package io.slipway.registry;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores stages by label. */
@Converter
public class StageConverter implements AttributeConverter<Stage, String> {

    @Override
    public String convertToDatabaseColumn(Stage stage) {
        return stage == null ? null : stage.label();
    }

    @Override
    public Stage convertToEntityAttribute(String label) {
        return label == null ? null : Stage.fromLabel(label).orElseThrow(() ->
                new IllegalStateException("Unknown stage in database: " + label));
    }
}
