package io.slipway.promotion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST .../models/{m}/stages/{stage}/rollback}: why. */
public record RollbackInput(
        @NotBlank(message = "is required: say why the stage is rolled back")
        @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
}
