package io.slipway.tenancy;

import java.util.UUID;

/** An organization was created (fired in its transaction; observers that reach outside wait for the commit). */
public record OrganizationCreated(UUID orgId) {
}
