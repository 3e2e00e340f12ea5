package io.slipway.project;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PUT .../members/{userId}}. */
public record RoleAssignment(
        @NotNull(message = "is required")
        @Pattern(regexp = "viewer|data-scientist|manager|admin",
                message = "must be one of viewer, data-scientist, manager, admin") String role) {
}
