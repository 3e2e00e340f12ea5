package io.slipway.auth;

import java.util.Optional;

/**
 * What a caller holds where an operation applies: platform admin or not, their role in the organization
 * (none when they do not belong to it) and their role in the project (none when not a project member).
 */
public record Grants(boolean platformAdmin, Optional<OrgRole> orgRole, Optional<ProjectRole> projectRole) {

    public static Grants platform(Caller caller) {
        return new Grants(caller.isPlatformAdmin(), Optional.empty(), Optional.empty());
    }

    public static Grants organization(Caller caller, Optional<OrgRole> orgRole) {
        return new Grants(caller.isPlatformAdmin(), orgRole, Optional.empty());
    }

    public static Grants project(Caller caller, Optional<OrgRole> orgRole, Optional<ProjectRole> projectRole) {
        return new Grants(caller.isPlatformAdmin(), orgRole, projectRole);
    }
}
