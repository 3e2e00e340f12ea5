package io.slipway.tenancy;

import java.time.Instant;

/** An organization as the API shows it. */
public record OrganizationView(String slug, String name, Instant createdAt) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.slug(), organization.name(), organization.createdAt());
    }
}
