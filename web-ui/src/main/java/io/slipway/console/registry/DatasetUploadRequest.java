package io.slipway.console.registry;

import io.slipway.api.Slug;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** What the dataset upload form asks before the file: which dataset gets the new version, and a description. */
public record DatasetUploadRequest(
        @NotEmpty(message = "name the dataset") @Pattern(regexp = Slug.PATTERN, message = Slug.MESSAGE) String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String description) {

    static final DatasetUploadRequest EMPTY = new DatasetUploadRequest("", "");

    Optional<String> optionalDescription() {
        return Optional.ofNullable(description).map(String::strip).filter(d -> !d.isEmpty());
    }
}
