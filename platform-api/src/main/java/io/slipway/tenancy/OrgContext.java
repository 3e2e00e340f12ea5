package io.slipway.tenancy;

import io.slipway.api.ProblemException;
import io.slipway.auth.AccessPolicy;
import io.slipway.auth.Caller;
import io.slipway.auth.Decision;
import io.slipway.auth.Grants;
import io.slipway.auth.Operation;
import io.slipway.auth.OrgRole;
import io.slipway.auth.ProjectRole;
import java.util.Optional;

/**
 * Inside one organization, for one caller: what work running in {@link Tenancy} knows. The tenant scope is
 * already fixed to this organization.
 */
public record OrgContext(Organization organization, Caller caller, Optional<OrgRole> role) {

    /** Checks an organization-level operation; answers 404 to outsiders and 403 to members who may not. */
    public void require(Operation operation) {
        if (operation.scope() != Operation.Scope.ORGANIZATION) {
            throw new IllegalArgumentException(operation + " is not an organization operation");
        }
        enforce(AccessPolicy.decide(operation, Grants.organization(caller, role)), operation,
                Tenancy.notFound(organization.slug()), "the organization's " + operation.minOrgRole().label()
                        + " role; yours is " + role.map(OrgRole::label).orElse("none"));
    }

    /** Checks a project-level operation given the caller's role in that project. */
    public void requireInProject(Operation operation, Optional<ProjectRole> projectRole, ProblemException hidden) {
        if (operation.scope() != Operation.Scope.PROJECT) {
            throw new IllegalArgumentException(operation + " is not a project operation");
        }
        Decision decision = AccessPolicy.decide(operation, Grants.project(caller, role, projectRole));
        enforce(decision, operation, role.isEmpty() ? Tenancy.notFound(organization.slug()) : hidden,
                "the " + operation.minProjectRole().label() + " role in this project; yours is "
                        + projectRole.map(ProjectRole::label).orElse("none"));
    }

    private static void enforce(Decision decision, Operation operation, ProblemException hidden, String needs) {
        switch (decision) {
            case ALLOW -> {
            }
            case HIDDEN -> throw hidden;
            case FORBIDDEN -> throw ProblemException.forbidden("Your role does not allow "
                    + operation.name().toLowerCase().replace('_', ' ') + " here: it needs " + needs + ".");
        }
    }
}
