package io.slipway.webhook;

import java.time.Instant;
import java.util.UUID;

/** One event's delivery to a webhook, as its log shows it. */
public record DeliveryView(UUID eventId, long sequence, String type, String status, int attempts,
                           Integer lastStatusCode, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                           Instant deliveredAt) {

    static DeliveryView of(WebhookDelivery delivery) {
        return new DeliveryView(delivery.eventId(), delivery.eventSeq(), delivery.eventType(),
                delivery.status().label(), delivery.attempts(), delivery.lastStatusCode(), delivery.lastError(),
                delivery.lastAttemptAt(), delivery.nextAttemptAt(), delivery.deliveredAt());
    }
}
