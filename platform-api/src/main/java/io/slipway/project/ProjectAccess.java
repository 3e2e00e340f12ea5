package io.slipway.project;

import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.auth.ProjectRole;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/**
 * The way into one project's data: enters the organization, finds the project and the caller's role in it,
 * and checks the operation before the work runs. Outsiders get the organization's 404; organization members
 * without a role in the project get the project's 404; those whose role is too small get 403.
 */
@ApplicationScoped
public class ProjectAccess {

    private final Tenancy tenancy;
    private final ProjectRepository projects;
    private final ProjectMemberRepository members;

    @Inject
    public ProjectAccess(Tenancy tenancy, ProjectRepository projects, ProjectMemberRepository members) {
        this.tenancy = tenancy;
        this.projects = projects;
        this.members = members;
    }

    protected ProjectAccess() {
        this(null, null, null);
    }

    public <T> T inProject(Caller caller, String orgSlug, String projectSlug, Operation operation,
                           Function<ProjectContext, T> work) {
        return tenancy.enter(caller, orgSlug, org -> {
            ProblemException hidden = notFound(orgSlug, projectSlug);
            Optional<Project> project = projects.findBySlug(projectSlug);
            Optional<ProjectRole> role = project.flatMap(p -> members.find(p.id(), caller.userId()))
                    .map(ProjectMember::role);
            org.requireInProject(operation, role, hidden);
            return work.apply(new ProjectContext(org, project.orElseThrow(() -> hidden), role));
        });
    }

    static ProblemException notFound(String orgSlug, String projectSlug) {
        return ProblemException.notFound("Project '" + projectSlug + "' not found in '" + orgSlug + "'.");
    }
}
