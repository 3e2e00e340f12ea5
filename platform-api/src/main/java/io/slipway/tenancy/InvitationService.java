package io.slipway.tenancy;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditEntry;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.auth.OrgRole;
import io.slipway.auth.directory.DirectoryUser;
import io.slipway.auth.directory.IdentityDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How people join an organization: an owner invites a user name or an e-mail address, and the person it names
 * accepts (or declines). The owner's answer is the same whether or not the name is an account's, and whatever
 * the account is (disabled, address unverified, a member of other organizations): a pending invitation. So
 * owners cannot enumerate the realm, and nobody joins an organization without saying yes.
 *
 * <p>The name is resolved to an account when the invitation is made, as the identity provider's directory
 * finds it (an exact user name, or an e-mail address that account has verified); only that account can see
 * and answer it. An invitation of a name no account had then stays pending until it expires: invite again once
 * the person has signed up.
 */
@ApplicationScoped
public class InvitationService {

    /** How long an invitation may be answered. */
    static final Duration VALID_FOR = Duration.ofDays(14);

    private final Tenancy tenancy;
    private final InvitationRepository invitations;
    private final OrgMemberRepository members;
    private final OrganizationRepository organizations;
    private final IdentityDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public InvitationService(Tenancy tenancy, InvitationRepository invitations, OrgMemberRepository members,
                             OrganizationRepository organizations, IdentityDirectory directory, AuditLog audit) {
        this(tenancy, invitations, members, organizations, directory, audit, Clock.systemUTC());
    }

    InvitationService(Tenancy tenancy, InvitationRepository invitations, OrgMemberRepository members,
                      OrganizationRepository organizations, IdentityDirectory directory, AuditLog audit,
                      Clock clock) {
        this.tenancy = tenancy;
        this.invitations = invitations;
        this.members = members;
        this.organizations = organizations;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    protected InvitationService() {
        this(null, null, null, null, null, null, null);
    }

    /** Invites a person; the same answer for every name, except a person who is already a member (409). */
    public InvitationView invite(Caller caller, String orgSlug, NewOrgMember input) {
        OrgRole role = OrgRole.fromLabel(input.role()).orElseThrow();
        // check the caller's right before asking the identity provider anything
        tenancy.inOrganization(caller, orgSlug, Operation.ORG_MEMBER_INVITE, context -> null);
        Optional<String> account = directory.findUser(input.user().strip()).map(DirectoryUser::id);
        return tenancy.inOrganization(caller, orgSlug, Operation.ORG_MEMBER_INVITE, context -> {
            if (account.isPresent() && members.findByUser(account.get()).isPresent()) {
                throw ProblemException.conflict("already-member", "That person is already a member.");
            }
            Instant now = now();
            Optional<Invitation> pending = invitations.findPending(input.user());
            Invitation invitation = pending.orElseGet(() -> new Invitation(input.user(), account, role,
                    caller.userId(), caller.username(), now, now.plus(VALID_FOR)));
            if (pending.isPresent()) {
                invitation.renew(account, role, caller.userId(), caller.username(), now, now.plus(VALID_FOR));
            } else {
                invitations.store(invitation);
            }
            InvitationView view = InvitationView.of(invitation, orgSlug, now);
            audit.record(context.organization().id(), caller, AuditEntry.organizationLevel("org-invitation.created",
                    "org-invitation", view.id(), null, view));
            return view;
        });
    }

    public Page<InvitationView> list(Caller caller, String orgSlug, PageRequest page) {
        return tenancy.inOrganization(caller, orgSlug, Operation.ORG_INVITATION_LIST, context -> {
            Instant now = now();
            return Page.of(invitations.page(page.afterInstant(), page.fetchSize()), page,
                    invitation -> invitation.createdAt().toString())
                    .map(invitation -> InvitationView.of(invitation, orgSlug, now));
        });
    }

    /** Withdraws a pending invitation; one that was answered already stays as it was (409). */
    public InvitationView revoke(Caller caller, String orgSlug, String invitationId) {
        return tenancy.inOrganization(caller, orgSlug, Operation.ORG_INVITATION_REVOKE, context -> {
            Invitation invitation = parse(invitationId).flatMap(invitations::find)
                    .orElseThrow(InvitationService::notFound);
            Instant now = now();
            if (!invitation.isPending()) {
                throw ProblemException.conflict("invitation-answered",
                        "This invitation is " + invitation.stateAt(now) + " already.");
            }
            InvitationView before = InvitationView.of(invitation, orgSlug, now);
            invitation.decide(Invitation.State.REVOKED, now);
            InvitationView after = InvitationView.of(invitation, orgSlug, now);
            audit.record(context.organization().id(), caller, AuditEntry.organizationLevel("org-invitation.revoked",
                    "org-invitation", after.id(), before, after));
            return after;
        });
    }

    /** The invitations the caller may answer now, from every organization, newest first. */
    public List<ReceivedInvitationView> received(Caller caller) {
        return tenancy.asPlatform(() -> invitations.openFor(caller.userId(), now(), PageRequest.MAX_LIMIT).stream()
                .map(invitation -> ReceivedInvitationView.of(invitation,
                        organizations.findById(invitation.orgId()).orElseThrow()))
                .toList());
    }

    /** Accepts an invitation addressed to the caller: they become a member with its role. */
    public OrgMemberView accept(Caller caller, String invitationId) {
        String orgSlug = organizationOfOpen(caller, invitationId);
        directory.addMember(orgSlug, caller.userId());
        return tenancy.enter(caller, orgSlug, context -> {
            Instant now = now();
            Invitation invitation = openTo(caller, invitationId, now);
            invitation.decide(Invitation.State.ACCEPTED, now);
            UUID orgId = context.organization().id();
            audit.record(orgId, caller, AuditEntry.organizationLevel("org-invitation.accepted", "org-invitation",
                    invitation.id().toString(), null, Map.of("role", invitation.role().label())));
            Optional<OrgMember> existing = members.findByUser(caller.userId());
            if (existing.isPresent()) {
                return OrgMemberView.of(existing.get());
            }
            OrgMember member = new OrgMember(caller.userId(), caller.username(), invitation.role(),
                    now, caller.userId());
            members.store(member);
            OrgMemberView view = OrgMemberView.of(member);
            audit.record(orgId, caller, AuditEntry.organizationLevel("org-member.added", "org-member",
                    orgSlug + "/" + caller.username(), null, view));
            return view;
        });
    }

    /** Declines an invitation addressed to the caller. */
    public void decline(Caller caller, String invitationId) {
        String orgSlug = organizationOfOpen(caller, invitationId);
        tenancy.enter(caller, orgSlug, context -> {
            Instant now = now();
            Invitation invitation = openTo(caller, invitationId, now);
            invitation.decide(Invitation.State.DECLINED, now);
            audit.record(context.organization().id(), caller, AuditEntry.organizationLevel(
                    "org-invitation.declined", "org-invitation", invitation.id().toString(), null,
                    Map.of("role", invitation.role().label())));
            return null;
        });
    }

    /** The organization of an invitation the caller may answer; 404 for every other id, theirs or not. */
    private String organizationOfOpen(Caller caller, String invitationId) {
        return tenancy.asPlatform(() -> parse(invitationId).flatMap(invitations::find)
                .filter(invitation -> invitation.isOpenTo(caller.userId(), now()))
                .flatMap(invitation -> organizations.findById(invitation.orgId()))
                .map(Organization::slug)
                .orElseThrow(InvitationService::notFound));
    }

    /** Read again inside the organization's transaction: answered meanwhile is 404 like any other. */
    private Invitation openTo(Caller caller, String invitationId, Instant now) {
        return parse(invitationId).flatMap(invitations::find)
                .filter(invitation -> invitation.isOpenTo(caller.userId(), now))
                .orElseThrow(InvitationService::notFound);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such invitation open to you.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
