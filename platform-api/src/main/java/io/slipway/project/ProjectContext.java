package io.slipway.project;

import io.slipway.auth.AccessPolicy;
import io.slipway.auth.Decision;
import io.slipway.auth.Grants;
import io.slipway.auth.Operation;
import io.slipway.audit.AuditEntry;
import io.slipway.auth.Caller;
import io.slipway.auth.ProjectRole;
import io.slipway.tenancy.OrgContext;
import java.util.Optional;
import java.util.UUID;

/** Inside one project of one organization, for one caller whose access has been checked. */
public record ProjectContext(OrgContext org, Project project, Optional<ProjectRole> role) {

    public Caller caller() {
        return org.caller();
    }

    public UUID orgId() {
        return org.organization().id();
    }

    public String orgSlug() {
        return org.organization().slug();
    }

    /** Whether the caller may perform this project operation here (for showing what they may do). */
    public boolean may(Operation operation) {
        return AccessPolicy.decide(operation, Grants.project(caller(), org.role(), role)) == Decision.ALLOW;
    }

    /** An audit entry about something in this project; the target id is prefixed with org/project. */
    public AuditEntry auditEntry(String action, String targetType, String targetName, Object before, Object after) {
        String target = orgSlug() + "/" + project.slug() + (targetName == null ? "" : "/" + targetName);
        return new AuditEntry(action, targetType, target, project.id(), project.slug(), before, after);
    }
}
