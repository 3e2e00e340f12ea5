package io.slipway.audit.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.api.Json;
import io.slipway.audit.ChainEventRow;
import java.time.Instant;

/**
 * One audit event as the API shows it; before/after are the JSON states the change recorded. Platform events have
 * no project.
 */
public record AuditEventView(long seq, Instant occurredAt, Actor actor, String action, Target target,
                             String project, JsonNode before, JsonNode after, String hash, String prevHash) {

    /** Who acted; {@code kind} is person, service-account, run or platform. */
    public record Actor(String kind, String userId, String username) {
    }

    public record Target(String type, String id) {
    }

    static AuditEventView of(ChainEventRow e) {
        return new AuditEventView(e.seq(), e.occurredAt(), new Actor(e.actorKind(), e.actorId(), e.actorName()),
                e.action(),
                new Target(e.targetType(), e.targetId()), e.projectSlug(), parse(e.beforeState()),
                parse(e.afterState()), e.hash(), e.prevHash());
    }

    private static JsonNode parse(String state) {
        if (state == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(state);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.getNodeFactory().textNode(state);
        }
    }
}
