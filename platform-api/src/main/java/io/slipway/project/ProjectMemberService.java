package io.slipway.project;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.auth.ProjectRole;
import io.slipway.tenancy.OrgMember;
import io.slipway.tenancy.OrgMemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Who holds which role in a project. */
@ApplicationScoped
public class ProjectMemberService {

    private final ProjectAccess access;
    private final ProjectMemberRepository members;
    private final OrgMemberRepository orgMembers;
    private final AuditLog audit;
    private final Event<MembershipChanged> changed;

    @Inject
    public ProjectMemberService(ProjectAccess access, ProjectMemberRepository members,
                                OrgMemberRepository orgMembers, AuditLog audit, Event<MembershipChanged> changed) {
        this.access = access;
        this.members = members;
        this.orgMembers = orgMembers;
        this.audit = audit;
        this.changed = changed;
    }

    protected ProjectMemberService() {
        this(null, null, null, null, null);
    }

    public Page<ProjectMemberView> list(Caller caller, String orgSlug, String projectSlug, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROJECT_MEMBER_LIST, context ->
                Page.of(members.page(context.project().id(), page.after(), page.fetchSize()), page,
                        ProjectMember::username).map(ProjectMemberView::of));
    }

    /** Grants or changes a role; the person must already be a member of the organization. */
    public Assigned assign(Caller caller, String orgSlug, String projectSlug, String userId, RoleAssignment input) {
        ProjectRole role = ProjectRole.fromLabel(input.role()).orElseThrow();
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROJECT_MEMBER_MANAGE, context -> {
            OrgMember person = orgMembers.findByUser(userId).orElseThrow(() -> ProblemException.unprocessable(
                    "not-an-org-member", "User '" + userId + "' is not a member of '" + orgSlug
                            + "'; add them to the organization first."));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Optional<ProjectMember> existing = members.find(context.project().id(), userId);
            ProjectMemberView before = existing.map(ProjectMemberView::of).orElse(null);
            ProjectMember member = existing.orElseGet(() -> new ProjectMember(context.project().id(), userId,
                    person.username(), role, now, caller.userId()));
            if (existing.isPresent()) {
                member.grant(role, now, caller.userId());
            } else {
                members.store(member);
            }
            ProjectMemberView after = ProjectMemberView.of(member);
            audit.record(context.orgId(), caller, context.auditEntry("project-member.granted", "project-member",
                    person.username(), before, after));
            changed.fire(new MembershipChanged(context.orgId(), userId));
            return new Assigned(after, existing.isEmpty());
        });
    }

    public void remove(Caller caller, String orgSlug, String projectSlug, String userId) {
        access.inProject(caller, orgSlug, projectSlug, Operation.PROJECT_MEMBER_MANAGE, context -> {
            ProjectMember member = members.find(context.project().id(), userId).orElseThrow(() ->
                    ProblemException.notFound("User '" + userId + "' holds no role in '" + projectSlug + "'."));
            ProjectMemberView before = ProjectMemberView.of(member);
            members.remove(member);
            audit.record(context.orgId(), caller, context.auditEntry("project-member.revoked", "project-member",
                    member.username(), before, null));
            changed.fire(new MembershipChanged(context.orgId(), userId));
            return null;
        });
    }

    /** Outcome of an assignment: the role now held, and whether it is new. */
    public record Assigned(ProjectMemberView member, boolean created) {
    }
}
