package io.slipway.audit;

import java.util.UUID;

/**
 * What a service says about a change it makes; {@link AuditLog} adds actor, time and chain.
 *
 * @param action      dotted verb such as {@code project.created}
 * @param targetType  kind of thing changed, such as {@code project}
 * @param targetId    human-readable identity of the target, such as {@code acme/fraud-detection}
 * @param projectId   the project the change happened in, or null for organization-level changes
 * @param projectSlug that project's slug at the time, or null
 * @param before      state before (any JSON-serializable value), null for creations
 * @param after       state after, null for deletions
 */
public record AuditEntry(String action, String targetType, String targetId, UUID projectId, String projectSlug,
                         Object before, Object after) {

    public static AuditEntry organizationLevel(String action, String targetType, String targetId, Object before,
                                               Object after) {
        return new AuditEntry(action, targetType, targetId, null, null, before, after);
    }
}
