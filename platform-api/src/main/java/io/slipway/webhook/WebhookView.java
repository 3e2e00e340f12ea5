package io.slipway.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook as the API shows it.
 *
 * @param events the event types it receives; empty: all
 * @param secret the signing secret: only in the answer to its creation or rotation, never again
 */
public record WebhookView(UUID id, String url, List<String> events, String description, boolean enabled,
                          Instant createdAt, String createdBy, Instant updatedAt, String secret) {

    static WebhookView of(Webhook webhook) {
        return new WebhookView(webhook.id(), webhook.url(), webhook.eventTypes(), webhook.description(),
                webhook.enabled(), webhook.createdAt(), webhook.createdBy(), webhook.updatedAt(), null);
    }

    WebhookView withSecret(String shownOnce) {
        return new WebhookView(id, url, events, description, enabled, createdAt, createdBy, updatedAt, shownOnce);
    }
}
