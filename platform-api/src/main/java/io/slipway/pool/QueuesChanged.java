package io.slipway.pool;

import java.util.UUID;

/**
 * Something Kueue's objects follow changed: a pool (every organization's queues) or an organization's quota or the
 * organization itself ({@code orgId}); observed after the change commits.
 */
public record QueuesChanged(UUID orgId) {

    public static QueuesChanged everyOrganization() {
        return new QueuesChanged(null);
    }
}
