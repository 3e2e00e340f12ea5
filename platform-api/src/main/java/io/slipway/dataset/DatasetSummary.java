package io.slipway.dataset;

import java.time.Instant;

/** A dataset in a list. */
public record DatasetSummary(String name, int latestVersion, Instant createdAt) {

    static DatasetSummary of(Dataset dataset) {
        return new DatasetSummary(dataset.name(), dataset.latestVersion(), dataset.createdAt());
    }
}
