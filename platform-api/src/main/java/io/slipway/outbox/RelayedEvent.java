package io.slipway.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A committed outbox event as its subscribers receive it.
 *
 * @param seq its place in the organization's outbox (events of a project are relayed in this order)
 * @param source {@code /orgs/{org}/projects/{project}}
 * @param data the payload as JSON text
 */
public record RelayedEvent(UUID orgId, UUID id, long seq, UUID projectId, String source, String type,
                           String subject, Instant occurredAt, String data) {
}
