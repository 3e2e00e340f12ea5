package io.slipway.tenancy;

import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.persistence.TenantContext;
import io.slipway.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The way into an organization's data, for every path (REST, console, background work). It resolves the
 * organization by slug, fixes it as the tenant Hibernate filters on, opens the transaction and looks up the
 * caller's membership; the work then decides its operation through {@link OrgContext}. Unknown
 * organizations and organizations the caller does not belong to answer the same 404.
 */
@ApplicationScoped
public class Tenancy {

    private final Transactions transactions;
    private final OrganizationRepository organizations;
    private final OrgMemberRepository members;

    @Inject
    public Tenancy(Transactions transactions, OrganizationRepository organizations, OrgMemberRepository members) {
        this.transactions = transactions;
        this.organizations = organizations;
        this.members = members;
    }

    protected Tenancy() {
        this(null, null, null);
    }

    /** Runs an organization-level operation after checking it. */
    public <T> T inOrganization(Caller caller, String orgSlug, Operation operation, Function<OrgContext, T> work) {
        return enter(caller, orgSlug, context -> {
            context.require(operation);
            return work.apply(context);
        });
    }

    /**
     * Enters an organization without deciding an operation yet: for project-level work, which must find the
     * project and the caller's role in it before it can decide.
     */
    public <T> T enter(Caller caller, String orgSlug, Function<OrgContext, T> work) {
        Organization organization = asPlatform(() -> organizations.findBySlug(orgSlug))
                .orElseThrow(() -> notFound(orgSlug));
        return within(organization.id(), () -> {
            Optional<OrgMember> membership = members.findByUser(caller.userId());
            return work.apply(new OrgContext(organization, caller, membership.map(OrgMember::role)));
        });
    }

    /** Runs work for an organization that is being created in this very transaction. */
    public <T> T inNewOrganization(UUID organizationId, Supplier<T> work) {
        return within(organizationId, work);
    }

    /**
     * Work inside one organization that no access check decides: background work no person asked for (garbage
     * collection), or bookkeeping of work already checked (marking an upload in flight). The tenant is fixed
     * exactly as for a request, so the work sees that organization's rows and no other's.
     */
    public <T> T asSystemIn(UUID organizationId, Supplier<T> work) {
        return within(organizationId, work);
    }

    /** Platform-level work (root identity): organization lookup, a user's organizations. */
    public <T> T asPlatform(Supplier<T> work) {
        return within(TenantContext.PLATFORM, work);
    }

    private <T> T within(UUID tenant, Supplier<T> work) {
        Optional<UUID> current = TenantContext.current();
        if (current.isPresent() && current.get().equals(tenant)) {
            return transactions.required(work);
        }
        if (transactions.active()) {
            throw new IllegalStateException("A tenant scope must begin outside any transaction");
        }
        return TenantContext.runAs(tenant, () -> transactions.required(work));
    }

    static ProblemException notFound(String orgSlug) {
        return ProblemException.notFound("Organization '" + orgSlug + "' not found.");
    }
}
