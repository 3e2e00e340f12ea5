package io.slipway.pool;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * An organization's limits on a pool, as a platform admin sets them ({@code PUT .../quotas/{pool}}); a field left
 * out is no limit.
 */
public record QuotaChanges(@Min(value = 0, message = "must be 0 or more") Integer maxGpus,
                           @Min(value = 0, message = "must be 0 or more") Integer maxConcurrentRuns,
                           @DecimalMin(value = "0", message = "must be 0 or more") Double gpuHoursPerMonth) {
}
