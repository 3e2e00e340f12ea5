package io.slipway.webhook;

import jakarta.validation.constraints.Size;
import java.util.List;

/** A partial update of a webhook: absent fields stay as they are. */
public record WebhookChanges(
        @Size(max = 2000, message = "must be at most 2000 characters") String url,
        @Size(max = 50, message = "must name at most 50 event types") List<String> events,
        @Size(max = 500, message = "must be at most 500 characters") String description,
        Boolean enabled) {
}
