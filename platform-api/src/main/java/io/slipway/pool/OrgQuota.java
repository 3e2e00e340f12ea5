package io.slipway.pool;

import io.slipway.compute.Quota;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * An organization's limits on one pool; a missing limit is none beyond the pool's capacity. A platform row about an
 * organization (the platform sets it), so it has no tenant discriminator: every query names the organization.
 */
@Entity
@Table(name = "org_quotas")
@IdClass(OrgQuota.Key.class)
public class OrgQuota {

    /** The composite key: organization, pool. */
    public record Key(UUID orgId, String pool) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Id
    @Column(nullable = false, updatable = false, length = 63)
    private String pool;

    @Column(name = "max_gpus")
    private Integer maxGpus;

    @Column(name = "max_concurrent_runs")
    private Integer maxConcurrentRuns;

    @Column(name = "gpu_hours_per_month")
    private Double gpuHoursPerMonth;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OrgQuota() {
    }

    public OrgQuota(UUID orgId, String pool, Instant now) {
        this.orgId = orgId;
        this.pool = pool;
        this.updatedAt = now;
    }

    public void limit(Integer maxGpus, Integer maxConcurrentRuns, Double gpuHoursPerMonth, Instant now) {
        this.maxGpus = maxGpus;
        this.maxConcurrentRuns = maxConcurrentRuns;
        this.gpuHoursPerMonth = gpuHoursPerMonth;
        this.updatedAt = now;
    }

    public UUID orgId() {
        return orgId;
    }

    public String pool() {
        return pool;
    }

    public Integer maxGpus() {
        return maxGpus;
    }

    public Integer maxConcurrentRuns() {
        return maxConcurrentRuns;
    }

    public Double gpuHoursPerMonth() {
        return gpuHoursPerMonth;
    }

    public Quota limits() {
        return new Quota(maxGpus == null ? OptionalInt.empty() : OptionalInt.of(maxGpus),
                maxConcurrentRuns == null ? OptionalInt.empty() : OptionalInt.of(maxConcurrentRuns),
                gpuHoursPerMonth == null ? OptionalDouble.empty() : OptionalDouble.of(gpuHoursPerMonth));
    }
}
