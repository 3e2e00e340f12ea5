package io.slipway.tenancy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Changes to an organization's settings; an absent field keeps its value. */
public record OrganizationSettingsChanges(
        @Min(value = 1, message = "must be at least 1 day")
        @Max(value = Organization.MAX_REQUEST_LOG_RETENTION_DAYS, message = "must be at most 3650 days")
        Integer requestLogRetentionDays) {
}
