package io.slipway.registry;

import io.slipway.api.Page;
import java.time.Instant;

/**
 * A model: which version holds staging and production (none yet, until promotions exist), and a page of
 * its versions, newest first, each with its stage.
 */
public record ModelView(String name, int latestVersion, Instant createdAt, Integer staging, Integer production,
                        Page<ModelVersionView> versions) {
}
