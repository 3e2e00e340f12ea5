package io.slipway.persistence;

import io.slipway.auth.OrgRole;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores organization roles by their API label ({@code owner}, {@code member}). */
@Converter(autoApply = true)
public class OrgRoleConverter implements AttributeConverter<OrgRole, String> {

    @Override
    public String convertToDatabaseColumn(OrgRole role) {
        return role == null ? null : role.label();
    }

    @Override
    public OrgRole convertToEntityAttribute(String label) {
        return label == null ? null : OrgRole.fromLabel(label)
                .orElseThrow(() -> new IllegalStateException("Unknown organization role in database: " + label));
    }
}
