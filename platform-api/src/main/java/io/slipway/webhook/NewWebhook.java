package io.slipway.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Request to add a webhook to a project.
 *
 * @param events Slipway event types it receives, e.g. {@code model.version-registered}; empty or absent: all
 * @param enabled whether it receives events now (default true)
 */
public record NewWebhook(
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String url,
        @Size(max = 50, message = "must name at most 50 event types") List<String> events,
        @Size(max = 500, message = "must be at most 500 characters") String description,
        Boolean enabled) {
}
