package io.slipway.pool;

import io.slipway.api.AccessGate;
import io.slipway.api.FieldError;
import io.slipway.api.Json;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditEntry;
import io.slipway.audit.AuditLog;
import io.slipway.audit.PlatformAuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.compute.Resources;
import io.slipway.tenancy.Organization;
import io.slipway.tenancy.OrganizationRepository;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pools and quotas. Everyone signed in may list the pools with their capacity and use (figures, never whose);
 * platform admins define pools and set each organization's quota; an organization's owners (and platform admins)
 * read its quotas beside what it uses. Pool changes go to the platform's audit trail, quota changes to the
 * organization's.
 */
@ApplicationScoped
public class PoolService {

    private final Tenancy tenancy;
    private final PoolRepository pools;
    private final OrganizationRepository organizations;
    private final PoolUsage usage;
    private final PlatformAuditLog platformAudit;
    private final AuditLog audit;
    private final Event<QueuesChanged> queuesChanged;

    @Inject
    public PoolService(Tenancy tenancy, PoolRepository pools, OrganizationRepository organizations, PoolUsage usage,
                       PlatformAuditLog platformAudit, AuditLog audit, Event<QueuesChanged> queuesChanged) {
        this.queuesChanged = queuesChanged;
        this.tenancy = tenancy;
        this.pools = pools;
        this.organizations = organizations;
        this.usage = usage;
        this.platformAudit = platformAudit;
        this.audit = audit;
    }

    protected PoolService() {
        this(null, null, null, null, null, null, null);
    }

    public List<PoolView> list(Caller caller) {
        return tenancy.asPlatform(() -> {
            Map<String, PoolUsage.Load> loads = usage.byPool();
            return pools.all().stream()
                    .map(pool -> PoolView.of(pool, loads.getOrDefault(pool.name(), PoolUsage.Load.NONE)))
                    .toList();
        });
    }

    public PoolView get(Caller caller, String name) {
        return list(caller).stream().filter(pool -> pool.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No compute pool '" + name + "'."));
    }

    /** Defines a pool, or redefines the one of that name. */
    public PoolView define(Caller caller, NewPool input) {
        AccessGate.requirePlatform(caller, Operation.POOL_MANAGE);
        PoolDefinition definition = definition(input);
        tenancy.asPlatform(() -> {
            Instant now = now();
            Optional<ComputePool> existing = pools.findByName(definition.name());
            PoolDefinition before = existing.map(ComputePool::definition).orElse(null);
            existing.ifPresentOrElse(pool -> pool.define(definition, now),
                    () -> pools.store(new ComputePool(definition, now)));
            platformAudit.record(caller, AuditEntry.organizationLevel(existing.isPresent() ? "pool.redefined"
                    : "pool.defined", "pool", definition.name(), before, definition));
            if (definition.backend() == PoolBackend.KUBERNETES && !definition.equals(before)) {
                queuesChanged.fire(QueuesChanged.everyOrganization());
            }
            return null;
        });
        return get(caller, definition.name());
    }

    public List<QuotaView> quotas(Caller caller, String orgSlug) {
        if (caller.isPlatformAdmin()) {
            Organization org = organization(orgSlug);
            return tenancy.asSystemIn(org.id(), () -> quotaViews(org));
        }
        return tenancy.inOrganization(caller, orgSlug, Operation.QUOTA_READ,
                context -> quotaViews(context.organization()));
    }

    /** Sets an organization's limits on a pool (a limit left out is none). */
    public QuotaView setQuota(Caller caller, String orgSlug, String poolName, QuotaChanges changes) {
        AccessGate.requirePlatform(caller, Operation.QUOTA_MANAGE);
        Organization org = organization(orgSlug);
        tenancy.asPlatform(() -> pools.findByName(poolName)).orElseThrow(() ->
                ProblemException.notFound("No compute pool '" + poolName + "'."));
        return tenancy.asSystemIn(org.id(), () -> {
            Instant now = now();
            OrgQuota quota = pools.quota(org.id(), poolName).orElseGet(() -> {
                OrgQuota created = new OrgQuota(org.id(), poolName, now);
                pools.store(created);
                return created;
            });
            QuotaChanges before = new QuotaChanges(quota.maxGpus(), quota.maxConcurrentRuns(),
                    quota.gpuHoursPerMonth());
            quota.limit(changes.maxGpus(), changes.maxConcurrentRuns(), changes.gpuHoursPerMonth(), now);
            audit.record(org.id(), caller, AuditEntry.organizationLevel("quota.changed", "quota", poolName, before,
                    changes));
            queuesChanged.fire(new QueuesChanged(org.id()));
            return quotaViews(org).stream().filter(view -> view.pool().equals(poolName)).findFirst().orElseThrow();
        });
    }

    /** Every pool with the organization's quota on it (none set: no limits) and its use. */
    private List<QuotaView> quotaViews(Organization org) {
        Map<String, PoolUsage.OrgLoad> loads = usage.ofOrganization(org.id(), monthStart());
        Map<String, OrgQuota> quotas = new java.util.HashMap<>();
        pools.quotasOf(org.id()).forEach(quota -> quotas.put(quota.pool(), quota));
        return pools.all().stream().map(pool -> {
            OrgQuota quota = quotas.get(pool.name());
            PoolUsage.OrgLoad load = loads.getOrDefault(pool.name(),
                    new PoolUsage.OrgLoad(Resources.NONE, 0, Map.of()));
            return new QuotaView(pool.name(), quota == null ? null : quota.maxGpus(),
                    quota == null ? null : quota.maxConcurrentRuns(), quota == null ? null : quota.gpuHoursPerMonth(),
                    load.inUse().gpus(), load.running(), round(load.gpuHours()),
                    load.gpuHoursByProject().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, entry -> round(entry.getValue()))));
        }).toList();
    }

    private Organization organization(String slug) {
        return tenancy.asPlatform(() -> organizations.findBySlug(slug))
                .orElseThrow(() -> ProblemException.notFound("Organization '" + slug + "' not found."));
    }

    /** The stored definition of a pool as sent; a combination that makes no pool is a 400. */
    static PoolDefinition definition(NewPool input) {
        PoolBackend backend = PoolBackend.fromLabel(input.backend());
        String accelerator = input.accelerator() == null ? "none" : input.accelerator();
        int gpus = input.gpusPerNode() == null ? 0 : input.gpusPerNode();
        if (accelerator.equals("none") != (gpus == 0)) {
            throw ProblemException.badRequest("accelerator-mismatch", "A pool with GPUs names their accelerator"
                    + " (e.g. nvidia-h100); a pool without has accelerator 'none'.",
                    new FieldError("accelerator", "must match gpusPerNode"));
        }
        boolean kubernetesOnly = input.nodeSelector() != null || input.tolerations() != null
                || input.namespacePattern() != null;
        if (backend == PoolBackend.LOCAL && kubernetesOnly) {
            throw ProblemException.invalidField("backend", "node selectors, tolerations and namespaces are for"
                    + " kubernetes pools");
        }
        int nodes = input.nodes() == null ? 1 : input.nodes();
        if (backend == PoolBackend.LOCAL && nodes != 1) {
            throw ProblemException.invalidField("nodes", "a local pool is this one machine: 1 node");
        }
        List<String> purposes = input.purposes() == null ? List.of(PoolDefinition.TRAINING)
                : input.purposes().stream().distinct().sorted().toList();
        return new PoolDefinition(input.name(), backend, accelerator, gpus, nodes,
                Math.round(input.cpusPerNode() * 1000), input.memoryMibPerNode(), purposes,
                input.nodeSelector() == null ? null : Json.write(input.nodeSelector()),
                input.tolerations() == null ? null : Json.write(input.tolerations()), input.namespacePattern());
    }

    /** The start of this month (UTC), from which GPU-hours are counted against a quota. */
    public static Instant monthStart() {
        return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static double round(double hours) {
        return Math.round(hours * 1000) / 1000.0;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
