package io.slipway.auth;

/**
 * Every operation Slipway offers, with the least role that may perform it. A service method names its
 * operation first and checks it through {@link AccessPolicy} before it reads or writes anything.
 */
public enum Operation {
    // platform level
    ORG_CREATE(Scope.PLATFORM, null, null, false),
    STORAGE_COLLECT(Scope.PLATFORM, null, null, false),
    PLATFORM_AUDIT_READ(Scope.PLATFORM, null, null, false),
    /** Defining compute pools (everyone signed in may list them, with their capacity and use). */
    POOL_MANAGE(Scope.PLATFORM, null, null, false),
    /** Setting an organization's quota on a pool: the platform's to give, not the organization's. */
    QUOTA_MANAGE(Scope.PLATFORM, null, null, false),

    // organization level
    ORG_READ(Scope.ORGANIZATION, OrgRole.MEMBER, null, false),
    ORG_MEMBER_LIST(Scope.ORGANIZATION, OrgRole.MEMBER, null, false),
    ORG_MEMBER_INVITE(Scope.ORGANIZATION, OrgRole.OWNER, null, false),
    ORG_MEMBER_REMOVE(Scope.ORGANIZATION, OrgRole.OWNER, null, false),
    ORG_INVITATION_LIST(Scope.ORGANIZATION, OrgRole.OWNER, null, false),
    ORG_INVITATION_REVOKE(Scope.ORGANIZATION, OrgRole.OWNER, null, false),
    PROJECT_LIST(Scope.ORGANIZATION, OrgRole.MEMBER, null, false),
    PROJECT_CREATE(Scope.ORGANIZATION, OrgRole.OWNER, null, false),
    ORG_AUDIT_READ(Scope.ORGANIZATION, OrgRole.OWNER, null, false),
    ORG_AUDIT_VERIFY(Scope.ORGANIZATION, OrgRole.OWNER, null, false),
    /** The organization's settings, e.g. how long serving's request log is kept (reading them is ORG_READ). */
    ORG_SETTINGS_UPDATE(Scope.ORGANIZATION, OrgRole.OWNER, null, false),
    /** The organization's quotas and what it uses of them (GPU-hours per project too). */
    QUOTA_READ(Scope.ORGANIZATION, OrgRole.OWNER, null, false),

    // project level; the flag says whether an organization owner may do it without a project role
    PROJECT_READ(Scope.PROJECT, null, ProjectRole.VIEWER, true),
    PROJECT_UPDATE(Scope.PROJECT, null, ProjectRole.ADMIN, true),
    PROJECT_DELETE(Scope.PROJECT, null, ProjectRole.ADMIN, true),
    PROJECT_MEMBER_LIST(Scope.PROJECT, null, ProjectRole.VIEWER, true),
    PROJECT_MEMBER_MANAGE(Scope.PROJECT, null, ProjectRole.ADMIN, true),
    PROJECT_AUDIT_READ(Scope.PROJECT, null, ProjectRole.VIEWER, true),
    DATASET_READ(Scope.PROJECT, null, ProjectRole.VIEWER, false),
    DATASET_UPLOAD(Scope.PROJECT, null, ProjectRole.DATA_SCIENTIST, false),
    MODEL_READ(Scope.PROJECT, null, ProjectRole.VIEWER, false),
    MODEL_UPLOAD(Scope.PROJECT, null, ProjectRole.DATA_SCIENTIST, false),
    LINEAGE_READ(Scope.PROJECT, null, ProjectRole.VIEWER, false),
    PROMOTION_POLICY_READ(Scope.PROJECT, null, ProjectRole.VIEWER, false),
    PROMOTION_POLICY_UPDATE(Scope.PROJECT, null, ProjectRole.ADMIN, false),
    PROMOTION_READ(Scope.PROJECT, null, ProjectRole.VIEWER, false),
    PROMOTION_REQUEST(Scope.PROJECT, null, ProjectRole.DATA_SCIENTIST, false),
    PROMOTION_DECIDE(Scope.PROJECT, null, ProjectRole.MANAGER, false),
    /** Approving a request whose gates failed, where the policy allows it, with a written reason. */
    PROMOTION_OVERRIDE(Scope.PROJECT, null, ProjectRole.ADMIN, false),
    STAGE_HISTORY_READ(Scope.PROJECT, null, ProjectRole.VIEWER, false),
    STAGE_ROLLBACK(Scope.PROJECT, null, ProjectRole.MANAGER, false),
    // a webhook's settings and deliveries log are the admins' (they send project content outside Slipway)
    WEBHOOK_READ(Scope.PROJECT, null, ProjectRole.ADMIN, true),
    WEBHOOK_MANAGE(Scope.PROJECT, null, ProjectRole.ADMIN, true),
    DEPLOYMENT_READ(Scope.PROJECT, null, ProjectRole.VIEWER, false),
    /** Deployments not bound to production; those bound to it also need {@link #DEPLOYMENT_MANAGE_PRODUCTION}. */
    DEPLOYMENT_MANAGE(Scope.PROJECT, null, ProjectRole.DATA_SCIENTIST, false),
    DEPLOYMENT_MANAGE_PRODUCTION(Scope.PROJECT, null, ProjectRole.MANAGER, false),
    /** Calling a deployment; a viewer only where the deployment lets viewers call it (checked by the service). */
    DEPLOYMENT_INFER(Scope.PROJECT, null, ProjectRole.VIEWER, false),
    /** A project's runs: their state, params, metrics and logs. */
    RUN_READ(Scope.PROJECT, null, ProjectRole.VIEWER, false),
    RUN_START(Scope.PROJECT, null, ProjectRole.DATA_SCIENTIST, false),
    RUN_CANCEL(Scope.PROJECT, null, ProjectRole.DATA_SCIENTIST, false);

    /** Where an operation applies, which decides what the caller's roles are looked up against. */
    public enum Scope { PLATFORM, ORGANIZATION, PROJECT }

    private final Scope scope;
    private final OrgRole minOrgRole;
    private final ProjectRole minProjectRole;
    private final boolean orgOwnerMay;

    Operation(Scope scope, OrgRole minOrgRole, ProjectRole minProjectRole, boolean orgOwnerMay) {
        this.scope = scope;
        this.minOrgRole = minOrgRole;
        this.minProjectRole = minProjectRole;
        this.orgOwnerMay = orgOwnerMay;
    }

    public Scope scope() {
        return scope;
    }

    /** Least organization role, for organization-scoped operations. */
    public OrgRole minOrgRole() {
        return minOrgRole;
    }

    /** Least project role, for project-scoped operations. */
    public ProjectRole minProjectRole() {
        return minProjectRole;
    }

    /** Whether an organization owner may perform this project operation without holding a project role. */
    public boolean orgOwnerMay() {
        return orgOwnerMay;
    }

    /** Whether the operation changes state (and therefore writes an audit event). */
    public boolean isMutation() {
        return switch (this) {
            case PLATFORM_AUDIT_READ, ORG_READ, ORG_MEMBER_LIST, ORG_INVITATION_LIST, PROJECT_LIST, ORG_AUDIT_READ,
                 ORG_AUDIT_VERIFY,
                 PROJECT_READ, PROJECT_MEMBER_LIST, PROJECT_AUDIT_READ, DATASET_READ, MODEL_READ, LINEAGE_READ,
                 PROMOTION_POLICY_READ, PROMOTION_READ, STAGE_HISTORY_READ,
                 WEBHOOK_READ, DEPLOYMENT_READ, DEPLOYMENT_INFER, QUOTA_READ, RUN_READ -> false;
            default -> true;
        };
    }
}
