package io.slipway.tenancy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores an invitation's state by its API label ({@code pending}, {@code accepted}, ...). */
@Converter
public class InvitationStateConverter implements AttributeConverter<Invitation.State, String> {

    @Override
    public String convertToDatabaseColumn(Invitation.State state) {
        return state == null ? null : state.label();
    }

    @Override
    public Invitation.State convertToEntityAttribute(String label) {
        return label == null ? null : Invitation.State.valueOf(label.toUpperCase(Locale.ROOT));
    }
}
