package io.slipway.promotion;

import java.time.Instant;

/**
 * A model at a glance: its newest version, which versions hold staging and production (null: none), and how many
 * promotion requests wait for either stage.
 */
public record ModelStages(String model, int latestVersion, Instant createdAt, Integer staging, Integer production,
                          int pendingRequests) {
}
