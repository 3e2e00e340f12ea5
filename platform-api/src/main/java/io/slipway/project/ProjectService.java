package io.slipway.project;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.auth.OrgRole;
import io.slipway.auth.ProjectRole;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creating, listing, changing and deleting projects. */
@ApplicationScoped
public class ProjectService {

    private final Tenancy tenancy;
    private final ProjectAccess access;
    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final AuditLog audit;
    private final Instance<ProjectDeletionGuard> deletionGuards;

    @Inject
    public ProjectService(Tenancy tenancy, ProjectAccess access, ProjectRepository projects,
                          ProjectMemberRepository members, AuditLog audit,
                          Instance<ProjectDeletionGuard> deletionGuards) {
        this.tenancy = tenancy;
        this.access = access;
        this.projects = projects;
        this.members = members;
        this.audit = audit;
        this.deletionGuards = deletionGuards;
    }

    protected ProjectService() {
        this(null, null, null, null, null, null);
    }

    /** Creates a project; its creator becomes its admin. */
    public ProjectView create(Caller caller, String orgSlug, NewProject input) {
        return tenancy.inOrganization(caller, orgSlug, Operation.PROJECT_CREATE, org -> {
            if (projects.findBySlug(input.slug()).isPresent()) {
                throw ProblemException.conflict("slug-taken",
                        "A project '" + input.slug() + "' already exists in '" + orgSlug + "'.");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Project project = new Project(input.slug(), input.name().strip(), input.description(), now,
                    caller.userId());
            projects.store(project);
            ProjectMember admin = new ProjectMember(project.id(), caller.userId(), caller.username(),
                    ProjectRole.ADMIN, now, caller.userId());
            members.store(admin);
            ProjectContext context = new ProjectContext(org, project, Optional.of(ProjectRole.ADMIN));
            ProjectView view = ProjectView.of(project, ProjectRole.ADMIN.label());
            audit.record(context.orgId(), caller, context.auditEntry("project.created", "project", null, null, view));
            audit.record(context.orgId(), caller, context.auditEntry("project-member.granted", "project-member",
                    caller.username(), null, ProjectMemberView.of(admin)));
            return view;
        });
    }

    /** Projects the caller holds a role in; organization owners see every project. */
    public Page<ProjectView> list(Caller caller, String orgSlug, PageRequest page) {
        return tenancy.inOrganization(caller, orgSlug, Operation.PROJECT_LIST, org -> {
            boolean owner = org.role().filter(r -> r == OrgRole.OWNER).isPresent();
            List<Project> rows = owner
                    ? projects.page(page.after(), page.fetchSize())
                    : projects.pageForMember(caller.userId(), page.after(), page.fetchSize());
            Page<Project> result = Page.of(rows, page, Project::slug);
            Map<UUID, ProjectRole> roles = members.rolesOf(caller.userId(),
                    result.items().stream().map(Project::id).toList());
            return result.map(p -> ProjectView.of(p, roleLabel(roles.get(p.id()))));
        });
    }

    public ProjectView get(Caller caller, String orgSlug, String projectSlug) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROJECT_READ,
                context -> ProjectView.of(context.project(), context.role().map(ProjectRole::label).orElse(null)));
    }

    public ProjectView update(Caller caller, String orgSlug, String projectSlug, ProjectChanges changes) {
        if (changes.isEmpty()) {
            throw ProblemException.badRequest("nothing-to-change", "Send at least one of 'name', 'description'.");
        }
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROJECT_UPDATE, context -> {
            Project project = context.project();
            String role = context.role().map(ProjectRole::label).orElse(null);
            ProjectView before = ProjectView.of(project, role);
            if (changes.name() != null) {
                project.rename(changes.name().strip());
            }
            if (changes.description() != null) {
                project.describe(changes.description());
            }
            ProjectView after = ProjectView.of(project, role);
            audit.record(context.orgId(), caller, context.auditEntry("project.updated", "project", null, before,
                    after));
            return after;
        });
    }

    /** Deletes a project and its roles; refused while it still holds content (datasets, models, ...). */
    public void delete(Caller caller, String orgSlug, String projectSlug) {
        access.inProject(caller, orgSlug, projectSlug, Operation.PROJECT_DELETE, context -> {
            for (ProjectDeletionGuard guard : deletionGuards) {
                guard.contentBlockingDeletion(context.project().id()).ifPresent(what -> {
                    throw ProblemException.conflict("project-not-empty",
                            "Project '" + projectSlug + "' still holds " + what + "; delete those first.");
                });
            }
            ProjectView before = ProjectView.of(context.project(), null);
            projects.remove(context.project());
            audit.record(context.orgId(), caller, context.auditEntry("project.deleted", "project", null, before,
                    null));
            return null;
        });
    }

    private static String roleLabel(ProjectRole role) {
        return role == null ? null : role.label();
    }
}
