package io.slipway.tenancy;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditEntry;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.auth.OrgRole;
import io.slipway.auth.directory.IdentityDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import io.slipway.project.MembershipChanged;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Organization membership (people join by accepting an invitation: {@link InvitationService}). Slipway's
 * database is the authority (it is what access checks read, in the same transaction as the audit event); the
 * identity provider's organization is kept in step so that its organization-aware login features see the
 * same people.
 */
@ApplicationScoped
public class OrgMemberService {

    private final Tenancy tenancy;
    private final OrgMemberRepository members;
    private final IdentityDirectory directory;
    private final AuditLog audit;
    private final Event<MembershipChanged> changed;

    @Inject
    public OrgMemberService(Tenancy tenancy, OrgMemberRepository members, IdentityDirectory directory,
                            AuditLog audit, Event<MembershipChanged> changed) {
        this.tenancy = tenancy;
        this.members = members;
        this.directory = directory;
        this.audit = audit;
        this.changed = changed;
    }

    protected OrgMemberService() {
        this(null, null, null, null, null);
    }

    public Page<OrgMemberView> list(Caller caller, String orgSlug, PageRequest page) {
        return tenancy.inOrganization(caller, orgSlug, Operation.ORG_MEMBER_LIST, context ->
                Page.of(members.page(page.after(), page.fetchSize()), page, OrgMember::username)
                        .map(OrgMemberView::of));
    }

    /** Removes a member and, with them, every project role they held in the organization. */
    public void remove(Caller caller, String orgSlug, String userId) {
        OrgMemberView removed = tenancy.inOrganization(caller, orgSlug, Operation.ORG_MEMBER_REMOVE, context -> {
            OrgMember member = members.findByUser(userId).orElseThrow(() -> ProblemException.notFound(
                    "No member with user id '" + userId + "' in '" + orgSlug + "'."));
            if (member.role() == OrgRole.OWNER && members.countOwners() == 1) {
                throw ProblemException.conflict("last-owner",
                        "An organization keeps at least one owner; add another owner first.");
            }
            OrgMemberView before = OrgMemberView.of(member);
            members.remove(member);
            audit.record(context.organization().id(), caller, AuditEntry.organizationLevel("org-member.removed",
                    "org-member", orgSlug + "/" + member.username(), before, null));
            changed.fire(new MembershipChanged(context.organization().id(), userId));
            return before;
        });
        directory.removeMember(orgSlug, removed.userId());
    }
}
