package io.slipway.console.registry;

import io.slipway.api.Slug;
import io.slipway.registry.NewModelVersion;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * What the model upload form asks before the file. {@code metrics} and {@code trainedOn} are as typed; see
 * {@link MetricsInput} for what they accept.
 */
public record ModelUploadRequest(
        @NotEmpty(message = "name the model") @Pattern(regexp = Slug.PATTERN, message = Slug.MESSAGE) String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String description,
        String metrics,
        String trainedOn) {

    static final ModelUploadRequest EMPTY = new ModelUploadRequest("", "", "", "");

    /** The upload's metadata; the format follows from the file name. */
    NewModelVersion metadata() {
        Map<String, Double> parsedMetrics = MetricsInput.metrics(metrics);
        List<String> datasets = MetricsInput.datasets(trainedOn);
        String text = description == null || description.isBlank() ? null : description.strip();
        return new NewModelVersion(text, null, null, null, parsedMetrics.isEmpty() ? null : parsedMetrics, null,
                datasets.isEmpty() ? null : datasets, null, null);
    }
}
