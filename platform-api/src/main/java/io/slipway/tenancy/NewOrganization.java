package io.slipway.tenancy;

import io.slipway.api.Slug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request to create an organization.
 *
 * @param slug  URL name, immutable
 * @param name  display name
 * @param owner user name or e-mail of the first owner; required when a platform admin creates the
 *              organization for someone else, defaults to the caller on self-signup
 */
public record NewOrganization(
        @NotNull(message = "is required") @Pattern(regexp = Slug.PATTERN, message = Slug.MESSAGE) String slug,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(min = 1, max = 255, message = "must be 1-255 characters") String owner) {
}
