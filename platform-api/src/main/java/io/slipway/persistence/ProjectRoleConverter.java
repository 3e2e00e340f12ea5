package io.slipway.persistence;

import io.slipway.auth.ProjectRole;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores project roles by their API label ({@code viewer}, {@code data-scientist}, ...). */
@Converter(autoApply = true)
public class ProjectRoleConverter implements AttributeConverter<ProjectRole, String> {

    @Override
    public String convertToDatabaseColumn(ProjectRole role) {
        return role == null ? null : role.label();
    }

    @Override
    public ProjectRole convertToEntityAttribute(String label) {
        return label == null ? null : ProjectRole.fromLabel(label)
                .orElseThrow(() -> new IllegalStateException("Unknown project role in database: " + label));
    }
}
