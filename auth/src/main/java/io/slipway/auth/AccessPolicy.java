package io.slipway.auth;

/**
 * The permission rules, in one place. Pure: it decides from the operation and the caller's grants.
 *
 * <ul>
 *   <li>Platform operations need the {@code platform-admin} realm role; platform admins see no tenant
 *       content through that role.</li>
 *   <li>Someone outside an organization learns nothing about it: every organization or project
 *       operation is {@link Decision#HIDDEN}.</li>
 *   <li>Inside an organization, a project the caller has no role in is hidden, except from owners, who may
 *       see and administer every project's membership but not its content.</li>
 * </ul>
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static Decision decide(Operation operation, Grants grants) {
        return switch (operation.scope()) {
            case PLATFORM -> grants.platformAdmin() ? Decision.ALLOW : Decision.FORBIDDEN;
            case ORGANIZATION -> grants.orgRole()
                    .map(role -> role.includes(operation.minOrgRole()) ? Decision.ALLOW : Decision.FORBIDDEN)
                    .orElse(Decision.HIDDEN);
            case PROJECT -> decideInProject(operation, grants);
        };
    }

    private static Decision decideInProject(Operation operation, Grants grants) {
        if (grants.orgRole().isEmpty()) {
            return Decision.HIDDEN;
        }
        boolean owner = grants.orgRole().get() == OrgRole.OWNER;
        if (owner && operation.orgOwnerMay()) {
            return Decision.ALLOW;
        }
        if (grants.projectRole().isEmpty()) {
            return owner ? Decision.FORBIDDEN : Decision.HIDDEN;
        }
        return grants.projectRole().get().includes(operation.minProjectRole()) ? Decision.ALLOW : Decision.FORBIDDEN;
    }
}
