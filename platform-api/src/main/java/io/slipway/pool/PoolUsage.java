package io.slipway.pool;

import io.slipway.compute.Resources;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What is placed on pools now, as the feature that places work (runs) counts it. Platform scope. */
public interface PoolUsage {

    /** A pool's running and queued work. */
    record Load(Resources inUse, int running, int queued) {
        public static final Load NONE = new Load(Resources.NONE, 0, 0);
    }

    /** An organization's use of one pool: running now, and GPU-hours since {@code monthStart} per project slug. */
    record OrgLoad(Resources inUse, int running, Map<String, Double> gpuHoursByProject) {
        public double gpuHours() {
            return gpuHoursByProject.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    Map<String, Load> byPool();

    /** Inside the organization's tenant scope. */
    Map<String, OrgLoad> ofOrganization(UUID orgId, Instant monthStart);
}
