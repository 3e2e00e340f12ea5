package io.slipway.persistence;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate which organization a new session belongs to. Fails closed: a session opened outside any
 * tenant scope is a programming error, not a license to read every organization.
 */
public class SlipwayTenantResolver implements CurrentTenantIdentifierResolver<UUID> {

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return TenantContext.current().orElseThrow(() -> new IllegalStateException(
                "Database access outside a tenant scope; use Tenancy to enter an organization or the platform scope"));
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    @Override
    public boolean isRoot(UUID tenantId) {
        return TenantContext.PLATFORM.equals(tenantId);
    }
}
