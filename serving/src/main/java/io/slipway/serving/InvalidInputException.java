package io.slipway.serving;

import java.util.Objects;

/**
 * A request the model cannot take: an unknown or missing input, a wrong type or shape, data that does not match its
 * shape. The message names what the model expects, for the caller; {@link #field()} names the part of the request
 * at fault (an input's name, say), for the problem's field error.
 */
public final class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The part of the request at fault, such as {@code inputs.Input3.shape}. */
    public String field() {
        return field;
    }
}
