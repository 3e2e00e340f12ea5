package io.slipway.pool;

import io.slipway.compute.Quota;
import io.slipway.compute.kubernetes.KueueQueues;
import io.slipway.persistence.SchemaMigrated;
import io.slipway.tenancy.Organization;
import io.slipway.tenancy.OrganizationCreated;
import io.slipway.tenancy.OrganizationRepository;
import io.slipway.tenancy.Tenancy;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps Kueue's objects in step with the kubernetes pools and the quotas on them: after a pool, a quota or an
 * organization changes (for the organizations it touches), at start and every few minutes (for all, so a change
 * made while the cluster was unreachable arrives). Slipway's database is the source of truth; what it writes is
 * idempotent, so servers doing it at once do no harm.
 */
@ApplicationScoped
public class KueueSync {

    private static final Logger LOG = Logger.getLogger(KueueSync.class.getName());

    private final Tenancy tenancy;
    private final PoolRepository pools;
    private final OrganizationRepository organizations;
    private final Cluster cluster;
    private final String cohort;
    private final Duration interval;

    @Resource
    ManagedScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> reconciling;

    @Inject
    public KueueSync(Tenancy tenancy, PoolRepository pools, OrganizationRepository organizations, Cluster cluster,
                     @ConfigProperty(name = "slipway.kubernetes.cohort", defaultValue = "slipway") String cohort,
                     @ConfigProperty(name = "slipway.kubernetes.queue-sync-interval", defaultValue = "PT5M")
                     Duration interval) {
        this.tenancy = tenancy;
        this.pools = pools;
        this.organizations = organizations;
        this.cluster = cluster;
        this.cohort = "none".equals(cohort) ? null : cohort;
        this.interval = interval;
    }

    protected KueueSync() {
        this(null, null, null, null, null, Duration.ofMinutes(5));
    }

    synchronized void start(@Observes SchemaMigrated migrated) {
        long every = Math.max(1, interval.toSeconds());
        reconciling = scheduler.scheduleWithFixedDelay(this::syncAllQuietly, 5, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (reconciling != null) {
            reconciling.cancel(false);
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueuesChanged change) {
        scheduler.execute(() -> {
            if (change.orgId() == null) {
                syncAllQuietly();
            } else {
                syncQuietly(change.orgId());
            }
        });
    }

    void organizationCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganizationCreated created) {
        changed(new QueuesChanged(created.orgId()));
    }

    private void syncAllQuietly() {
        try {
            syncAll();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not bring Kueue's queues in step (" + cluster.describe(e) + "); tried again in "
                    + interval);
            LOG.log(Level.FINE, "Kueue's queues", e);
        }
    }

    private void syncQuietly(UUID orgId) {
        try {
            sync(orgId);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not bring the queues of organization " + orgId + " in step ("
                    + cluster.describe(e) + "); tried again within " + interval);
            LOG.log(Level.FINE, "Kueue's queues of " + orgId, e);
        }
    }

    /** Every organization's queues; nothing (and no connection) while no kubernetes pool is defined. */
    public synchronized void syncAll() {
        if (kubernetesPools().isEmpty()) {
            return;
        }
        Optional<String> after = Optional.empty();
        while (true) {
            Optional<String> from = after;
            List<Organization> page = tenancy.asPlatform(() -> organizations.page(from, 100));
            for (Organization organization : page) {
                sync(organization.id());
            }
            if (page.size() < 100) {
                return;
            }
            after = Optional.of(page.getLast().slug());
        }
    }

    /** The organization's namespace, ClusterQueue and LocalQueues for every kubernetes pool, with its quotas. */
    public synchronized void sync(UUID orgId) {
        List<ComputePool> kubernetes = kubernetesPools();
        if (kubernetes.isEmpty()) {
            return;
        }
        Optional<Organization> organization = tenancy.asPlatform(() -> organizations.findById(orgId));
        if (organization.isEmpty()) {
            return;
        }
        List<KueueQueues.PoolShare> shares = new ArrayList<>();
        for (ComputePool pool : kubernetes) {
            Quota quota = tenancy.asPlatform(() -> pools.quota(orgId, pool.name())).map(OrgQuota::limits)
                    .orElse(Quota.NONE);
            shares.add(new KueueQueues.PoolShare(Placements.of(pool), pool.capacity(), pool.definition().nodes(),
                    quota));
        }
        cluster.backend().syncQueues(organization.get().slug(), shares, cohort);
    }

    private List<ComputePool> kubernetesPools() {
        return tenancy.asPlatform(() -> pools.all().stream()
                .filter(pool -> pool.backend() == PoolBackend.KUBERNETES).toList());
    }
}
