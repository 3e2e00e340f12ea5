package io.slipway.tenancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request to add a person to an organization.
 *
 * @param user user name or e-mail of someone who has an account with the identity provider
 * @param role {@code owner} or {@code member}
 */
public record NewOrgMember(
        @NotBlank(message = "is required") @Size(max = 255, message = "must be at most 255 characters") String user,
        @NotNull(message = "is required") @Pattern(regexp = "owner|member", message = "must be 'owner' or 'member'")
        String role) {
}
