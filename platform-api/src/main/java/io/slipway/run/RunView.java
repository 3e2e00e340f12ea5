package io.slipway.run;

import io.slipway.pool.PoolView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run as the API shows it. {@code queuePosition} (1 = next of its organization on the pool) and
 * {@code queueReason} while it waits; {@code exitCode} and {@code reason} once it ended; {@code metrics} holds each
 * metric's last value, {@code outputModels} the model versions it produced ({@code name:version}). The environment
 * shows only its variables' names.
 */
public record RunView(UUID id, int number, String name, String pool, String state, Integer queuePosition,
                      String queueReason, Integer exitCode, String reason, List<String> command, String image,
                      List<String> env, List<String> inputs, Map<String, Object> params, PoolView.Amount resources,
                      long timeoutSeconds, List<NewRun.Output> outputs, List<String> outputModels,
                      Map<String, Double> metrics, Instant createdAt, String createdBy, Instant startedAt,
                      Instant endedAt, long logBytes, boolean logTruncated, UUID codeBundle) {
}
