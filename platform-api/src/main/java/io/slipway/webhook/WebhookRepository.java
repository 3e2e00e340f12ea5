package io.slipway.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhooks and their deliveries, inside the current organization (the platform scan excepted). */
public interface WebhookRepository {

    void store(Webhook webhook);

    Optional<Webhook> find(UUID projectId, UUID id);

    /** A project's webhooks, oldest first, created after {@code after}. */
    List<Webhook> page(UUID projectId, Optional<Instant> after, int limit);

    void remove(Webhook webhook);

    /** The project's enabled webhooks. */
    List<Webhook> enabledIn(UUID projectId);

    Optional<Webhook> find(UUID id);

    void store(WebhookDelivery delivery);

    Optional<WebhookDelivery> findDelivery(UUID id);

    /** A webhook's deliveries, newest event first, of events before {@code belowSeq}. */
    List<WebhookDelivery> deliveries(UUID webhookId, Optional<Long> belowSeq, int limit);

    /** The webhook's oldest pending delivery: the only one that may be attempted. */
    Optional<WebhookDelivery> nextPending(UUID webhookId);

    /** A webhook whose next delivery is due. */
    record Due(UUID orgId, UUID webhookId) {
    }

    /** Platform scope: enabled webhooks whose oldest pending delivery is due at {@code now}. */
    List<Due> due(Instant now, int limit);
}
