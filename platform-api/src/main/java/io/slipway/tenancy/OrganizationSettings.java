package io.slipway.tenancy;

/**
 * An organization's settings ({@code GET/PATCH .../orgs/{org}/settings}).
 *
 * @param requestLogRetentionDays days serving's request log is kept (1 to 3650, default 30)
 */
public record OrganizationSettings(int requestLogRetentionDays) {

    static OrganizationSettings of(Organization organization) {
        return new OrganizationSettings(organization.requestLogRetentionDays());
    }
}
