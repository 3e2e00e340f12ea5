package io.slipway.api;

/** One invalid input: which field (a JSON path such as {@code slug} or {@code members[2].role}) and why. */
public record FieldError(String field, String message) {
}
