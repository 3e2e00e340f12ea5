package io.slipway.project;

import java.util.UUID;

/**
 * A person's roles in an organization changed (a project role granted, changed or revoked, or their membership
 * removed): fired in the change's transaction, so what caches a person's access drops it once it commits.
 */
public record MembershipChanged(UUID orgId, String userId) {
}
