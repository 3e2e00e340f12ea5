package io.slipway.project;

import io.slipway.api.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request to create a project; its creator becomes its admin. */
public record NewProject(
        @NotNull(message = "is required") @Pattern(regexp = Slug.PATTERN, message = Slug.MESSAGE) String slug,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String description) {
}
