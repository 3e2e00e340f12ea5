package io.slipway.project;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** PATCH of a project: fields left out stay as they are. The slug cannot change (URLs and audit name it). */
public record ProjectChanges(
        @Size(min = 1, max = 200, message = "must be 1-200 characters") @Pattern(regexp = ".*\\S.*",
                message = "must not be blank") String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String description) {

    boolean isEmpty() {
        return name == null && description == null;
    }
}
