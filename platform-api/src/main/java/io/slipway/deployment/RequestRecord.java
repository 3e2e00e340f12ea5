package io.slipway.deployment;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** What the hot path hands the request log about one request (kept in memory until the next batch is written). */
public record RequestRecord(UUID orgId, UUID projectId, UUID deploymentId, UUID requestId, Instant receivedAt,
                            OptionalInt version, long latencyMicros, int status, Optional<String> errorCode,
                            String actorKind, String actorId, String actorName, Optional<PayloadSample> sample) {

    /**
     * The bodies of a sampled request, each cut at 16 KiB; of a binary body only its JSON header.
     *
     * @param response null when the request was refused
     * @param cut      whether either body went on beyond what is kept
     */
    public record PayloadSample(String request, String response, boolean cut) {
    }
}
