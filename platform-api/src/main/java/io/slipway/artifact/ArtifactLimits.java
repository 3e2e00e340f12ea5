package io.slipway.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * The largest artifact an organization may upload: {@code slipway.artifacts.max.bytes} (default 5 GiB), or
 * {@code slipway.artifacts.max.bytes.<org-slug>} for one organization.
 */
@ApplicationScoped
public class ArtifactLimits {

    static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024 * 1024;

    private final Config config;

    @Inject
    public ArtifactLimits(Config config) {
        this.config = config;
    }

    protected ArtifactLimits() {
        this.config = null;
    }

    public long maxBytes(String orgSlug) {
        return config.getOptionalValue("slipway.artifacts.max.bytes." + orgSlug, Long.class)
                .or(() -> config.getOptionalValue("slipway.artifacts.max.bytes", Long.class))
                .orElse(DEFAULT_MAX_BYTES);
    }

    /** A size for people: 5 GiB, 200 MiB, 10 KiB, 12 bytes. */
    public static String describe(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return (long) value + " " + units[unit];
    }
}
