package io.slipway.audit.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.api.Json;
import io.slipway.audit.AuditEvent;
import java.time.Instant;

/** One audit event as the API shows it; before/after are the JSON states the change recorded. */
public record AuditEventView(long seq, Instant occurredAt, Actor actor, String action, Target target,
                             String project, JsonNode before, JsonNode after, String hash, String prevHash) {

    public record Actor(String userId, String username) {
    }

    public record Target(String type, String id) {
    }

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.seq(), e.occurredAt(), new Actor(e.actorId(), e.actorName()), e.action(),
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
