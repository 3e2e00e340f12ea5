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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creating organizations and listing the caller's. */
@ApplicationScoped
public class OrganizationService {

    private final Tenancy tenancy;
    private final OrganizationRepository organizations;
    private final OrgMemberRepository members;
    private final IdentityDirectory directory;
    private final AuditLog audit;
    private final boolean selfSignup;
    private final jakarta.enterprise.event.Event<OrganizationCreated> created;

    @Inject
    public OrganizationService(Tenancy tenancy, OrganizationRepository organizations, OrgMemberRepository members,
                               IdentityDirectory directory, AuditLog audit,
                               @ConfigProperty(name = "slipway.orgs.self-signup", defaultValue = "false")
                               boolean selfSignup, jakarta.enterprise.event.Event<OrganizationCreated> created) {
        this.created = created;
        this.tenancy = tenancy;
        this.organizations = organizations;
        this.members = members;
        this.directory = directory;
        this.audit = audit;
        this.selfSignup = selfSignup;
    }

    protected OrganizationService() {
        this(null, null, null, null, null, false, null);
    }

    /**
     * Creates an organization with its first owner. Platform admins create organizations for someone else
     * (naming the owner); with self-signup enabled, anyone may create one and becomes its owner.
     */
    public OrganizationView create(Caller caller, NewOrganization input) {
        requireMayCreate(caller);
        DirectoryUser owner = resolveOwner(caller, input.owner());
        if (tenancy.asPlatform(() -> organizations.findBySlug(input.slug())).isPresent()) {
            throw ProblemException.conflict("slug-taken", "An organization '" + input.slug() + "' already exists.");
        }
        directory.ensureOrganization(input.slug(), input.name());
        directory.addMember(input.slug(), owner.id());
        UUID id = UUID.randomUUID();
        return tenancy.inNewOrganization(id, () -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Organization organization = new Organization(id, input.slug(), input.name(), now, caller.userId());
            organizations.store(organization);
            created.fire(new OrganizationCreated(id));
            OrgMember first = new OrgMember(owner.id(), owner.username(), OrgRole.OWNER, now, caller.userId());
            members.store(first);
            OrganizationView view = OrganizationView.of(organization);
            audit.record(id, caller, AuditEntry.organizationLevel("organization.created", "organization",
                    organization.slug(), null, view));
            audit.record(id, caller, AuditEntry.organizationLevel("org-member.added", "org-member",
                    organization.slug() + "/" + owner.username(), null, OrgMemberView.of(first)));
            return view;
        });
    }

    /** The organizations the caller belongs to; platform admins see only those they are members of. */
    public Page<OrganizationView> listMine(Caller caller, PageRequest page) {
        return tenancy.asPlatform(() -> Page.of(
                organizations.findForMember(caller.userId(), page.after(), page.fetchSize()), page, Organization::slug)
                .map(OrganizationView::of));
    }

    public OrganizationView get(Caller caller, String orgSlug) {
        return tenancy.inOrganization(caller, orgSlug, Operation.ORG_READ,
                context -> OrganizationView.of(context.organization()));
    }

    public OrganizationSettings settings(Caller caller, String orgSlug) {
        return tenancy.inOrganization(caller, orgSlug, Operation.ORG_READ,
                context -> OrganizationSettings.of(context.organization()));
    }

    /** Changes the organization's settings (owners), audited with the settings before and after. */
    public OrganizationSettings changeSettings(Caller caller, String orgSlug, OrganizationSettingsChanges changes) {
        return tenancy.inOrganization(caller, orgSlug, Operation.ORG_SETTINGS_UPDATE, context -> {
            Organization organization = organizations.findById(context.organization().id()).orElseThrow();
            OrganizationSettings before = OrganizationSettings.of(organization);
            if (changes.requestLogRetentionDays() != null) {
                organization.keepRequestLogFor(changes.requestLogRetentionDays());
            }
            OrganizationSettings after = OrganizationSettings.of(organization);
            if (!after.equals(before)) {
                audit.record(organization.id(), caller, AuditEntry.organizationLevel("organization.settings-changed",
                        "organization", organization.slug(), before, after));
            }
            return after;
        });
    }

    private void requireMayCreate(Caller caller) {
        if (!caller.isPlatformAdmin() && !selfSignup) {
            throw ProblemException.forbidden("Only platform admins create organizations (self-signup is off).");
        }
    }

    private DirectoryUser resolveOwner(Caller caller, String owner) {
        if (owner == null) {
            if (caller.isPlatformAdmin()) {
                throw ProblemException.invalidField("owner",
                        "is required when a platform admin creates an organization for someone");
            }
            return new DirectoryUser(caller.userId(), caller.username(), null);
        }
        if (!caller.isPlatformAdmin() && !owner.equals(caller.username())) {
            throw ProblemException.invalidField("owner", "must be yourself on self-signup");
        }
        return directory.findUser(owner).orElseThrow(() -> ProblemException.invalidField("owner",
                "no user '" + owner + "' exists with the identity provider"));
    }
}
