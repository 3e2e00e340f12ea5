package io.slipway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How webhooks are delivered (MicroProfile Config, so also {@code SLIPWAY_WEBHOOKS_...} environment variables):
 * <ul>
 *   <li>{@code slipway.webhooks.allowed-private-networks}: comma-separated CIDRs that webhooks may reach although
 *       they are loopback, private or link-local (default none);</li>
 *   <li>{@code slipway.webhooks.retry-base} (PT5S) and {@code retry-max} (PT1H): a failed delivery is retried after
 *       base × 2^(attempts − 1), at most max; {@code max-attempts} (20): then it is given up;</li>
 *   <li>{@code slipway.webhooks.connect-timeout} (PT5S) and {@code read-timeout} (PT10S).</li>
 * </ul>
 */
@ApplicationScoped
public class WebhookSettings {

    private final List<Cidr> allowedNetworks;
    private final Duration retryBase;
    private final Duration retryMax;
    private final int maxAttempts;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    @Inject
    public WebhookSettings(
            @ConfigProperty(name = "slipway.webhooks.allowed-private-networks") Optional<String> allowedNetworks,
            @ConfigProperty(name = "slipway.webhooks.retry-base", defaultValue = "PT5S") Duration retryBase,
            @ConfigProperty(name = "slipway.webhooks.retry-max", defaultValue = "PT1H") Duration retryMax,
            @ConfigProperty(name = "slipway.webhooks.max-attempts", defaultValue = "20") int maxAttempts,
            @ConfigProperty(name = "slipway.webhooks.connect-timeout", defaultValue = "PT5S") Duration connectTimeout,
            @ConfigProperty(name = "slipway.webhooks.read-timeout", defaultValue = "PT10S") Duration readTimeout) {
        this.allowedNetworks = Cidr.parseList(allowedNetworks.orElse(""));
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.maxAttempts = maxAttempts;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        if (retryBase.isNegative() || retryBase.isZero() || retryMax.compareTo(retryBase) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("slipway.webhooks.retry-base must be positive, retry-max at least"
                    + " retry-base and max-attempts at least 1");
        }
    }

    protected WebhookSettings() {
        this.allowedNetworks = List.of();
        this.retryBase = Duration.ZERO;
        this.retryMax = Duration.ZERO;
        this.maxAttempts = 0;
        this.connectTimeout = Duration.ZERO;
        this.readTimeout = Duration.ZERO;
    }

    DestinationPolicy destinations() {
        return new DestinationPolicy(allowedNetworks, InetAddress::getAllByName);
    }

    /** How long to wait after the {@code attempts}-th failed attempt. */
    Duration retryDelay(int attempts) {
        return backoff(retryBase, retryMax, attempts);
    }

    static Duration backoff(Duration base, Duration max, int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        Duration delay = base.multipliedBy(1L << Math.min(doublings, 30));
        return delay.compareTo(max) > 0 || doublings > 30 ? max : delay;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }
}
