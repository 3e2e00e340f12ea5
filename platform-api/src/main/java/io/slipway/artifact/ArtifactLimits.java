package io.slipway.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * The largest artifact an organization may upload: {@code slipway.artifacts.max.bytes} (default 5 GiB), or
 * {@code slipway.artifacts.max.bytes.<org-slug>} for one organization (in the environment
 * {@code SLIPWAY_ARTIFACTS_MAX_BYTES} and {@code SLIPWAY_ARTIFACTS_MAX_BYTES_<ORG_SLUG>}, as MicroProfile Config maps
 * names).
 */
@ApplicationScoped
public class ArtifactLimits {

    static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024 * 1024;
    private static final String PROPERTY = "slipway.artifacts.max.bytes";

    private final Config config;

    @Inject
    public ArtifactLimits(Config config) {
        this.config = config;
    }

    protected ArtifactLimits() {
        this.config = null;
    }

    public long maxBytes(String orgSlug) {
        return config.getOptionalValue(PROPERTY + "." + orgSlug, Long.class).orElseGet(this::platformMaxBytes);
    }

    /** The limit of organizations without their own. */
    public long platformMaxBytes() {
        return config.getOptionalValue(PROPERTY, Long.class).orElse(DEFAULT_MAX_BYTES);
    }

    /**
     * The largest artifact any organization may upload: the platform's limit or a larger one of an organization.
     * What comes before an organization is known (the console's multipart parsing) is bounded by it. An
     * organization's limit that is not a number is left out here (its own uploads fail on it).
     */
    public long largestMaxBytes() {
        long largest = platformMaxBytes();
        for (String name : config.getPropertyNames()) {
            if (name.toLowerCase(Locale.ROOT).replace('_', '.').startsWith(PROPERTY + ".")) {
                try {
                    largest = Math.max(largest, config.getOptionalValue(name, Long.class).orElse(largest));
                } catch (IllegalArgumentException notANumber) {
                    // misconfigured: that organization's uploads say so
                }
            }
        }
        return largest;
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
