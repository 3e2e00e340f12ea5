package io.slipway.deployment;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** What the hot path hands the request log about one request (kept in memory until the next batch is written). */
public record RequestRecord(UUID orgId, UUID projectId, UUID deploymentId, UUID requestId, Instant receivedAt,
                            OptionalInt version, long latencyMicros, int status, Optional<String> errorCode,
                            String actorKind, String actorId, String actorName) {
}
