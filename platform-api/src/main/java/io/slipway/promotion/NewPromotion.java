package io.slipway.promotion;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST .../promotions}: move {@code version} of {@code model} into {@code targetStage}, and why. */
public record NewPromotion(
        @NotBlank(message = "is required") @Size(max = 63, message = "must be at most 63 characters") String model,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") Integer version,
        @NotNull(message = "is required")
        @Pattern(regexp = "staging|production", message = "must be 'staging' or 'production'") String targetStage,
        @NotBlank(message = "is required: say why this version should be promoted")
        @Size(max = 2000, message = "must be at most 2000 characters") String justification) {
}
