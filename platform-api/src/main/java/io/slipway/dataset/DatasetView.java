package io.slipway.dataset;

import io.slipway.api.Page;
import java.time.Instant;

/** A dataset with a page of its versions, newest first. */
public record DatasetView(String name, int latestVersion, Instant createdAt, Page<DatasetVersionView> versions) {
}
