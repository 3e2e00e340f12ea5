package io.slipway.outbox;

import java.util.UUID;

/**
 * One event of a project, as webhooks deliver it (a CloudEvents 1.0 event).
 *
 * @param projectId the project it belongs to (events are delivered in order per project)
 * @param projectSlug the project's slug, for the event's {@code source} ({@code /orgs/{org}/projects/{p}})
 * @param type the Slipway event type, e.g. {@code promotion.requested}, {@code model.version-registered}
 * @param subject what it is about, e.g. {@code models/fraud-scorer/versions/3}
 * @param data the event's JSON payload (a record or map, serialized with Jackson)
 */
public record OutboxEvent(UUID projectId, String projectSlug, String type, String subject, Object data) {
}
