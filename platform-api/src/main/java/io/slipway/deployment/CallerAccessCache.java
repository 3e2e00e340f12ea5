package io.slipway.deployment;

import io.slipway.project.MembershipChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may call which deployment, remembered for {@code slipway.serving.access-cache} (default 5 s) so the predict
 * hot path opens no database transaction. An entry is dropped as soon as a change to the deployment or to the
 * person's roles in the organization commits on this server; on another server it lasts until it expires.
 * Refusals are never cached: they are answered the slow way each time.
 */
@ApplicationScoped
public class CallerAccessCache {

    private static final int MAX_ENTRIES = 100_000;

    private record Key(String userId, String orgSlug, String projectSlug, String deployment) {
    }

    private record Entry(InferenceService.Target target, long expiresAt) {
    }

    private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    @Inject
    public CallerAccessCache(@ConfigProperty(name = "slipway.serving.access-cache", defaultValue = "PT5S") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    protected CallerAccessCache() {
        this.ttlNanos = 0;
    }

    /** The remembered target, or what {@code check} decides (remembered when it allows). */
    InferenceService.Target target(String userId, String orgSlug, String projectSlug, String deployment,
                                   Supplier<InferenceService.Target> check) {
        Key key = new Key(userId, orgSlug, projectSlug, deployment);
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.target();
        }
        InferenceService.Target target = check.get();
        if (ttlNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(target, now + ttlNanos));
        }
        return target;
    }

    /** Entries held (for tests and metrics). */
    int size() {
        return entries.size();
    }

    void deploymentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeploymentChanged change) {
        entries.values().removeIf(entry -> entry.target().deploymentId().equals(change.deploymentId()));
    }

    void membershipChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) MembershipChanged change) {
        entries.entrySet().removeIf(entry -> entry.getKey().userId().equals(change.userId())
                && entry.getValue().target().orgId().equals(change.orgId()));
    }
}
