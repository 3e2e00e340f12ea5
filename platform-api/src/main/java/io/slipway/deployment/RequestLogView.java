package io.slipway.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One logged request as the API shows it.
 *
 * @param requestId the id the answer carried ({@code X-Request-Id}); lineage node {@code request:<id>}
 * @param version   the model version that answered (absent when none did)
 * @param latencyMs time from receiving the request to its answer, in milliseconds
 * @param payload   the kept bodies of a sampled request, shown to those who may manage the deployment
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestLogView(UUID requestId, Instant receivedAt, Integer version, double latencyMs, int status,
                             String errorCode, Actor actor, RequestRecord.PayloadSample payload) {

    /** Who called. */
    public record Actor(String kind, String name) {
    }

    static RequestLogView of(LoggedRequest row, boolean withPayload) {
        return new RequestLogView(row.id(), row.receivedAt(),
                row.modelVersion().isPresent() ? row.modelVersion().getAsInt() : null,
                row.latencyMicros() / 1000.0, row.status(), row.errorCode().orElse(null),
                new Actor(row.actorKind(), row.actorName()),
                withPayload ? row.sample().orElse(null) : null);
    }
}
