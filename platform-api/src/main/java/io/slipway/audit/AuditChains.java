package io.slipway.audit;

import io.slipway.persistence.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Verification of the stored chains, read-only, in the caller's transaction: the tail check every page of a trail
 * carries, and pages of the full verification.
 */
@ApplicationScoped
public class AuditChains {

    private final EntityManager em;
    private final AuditSigning signing;

    @Inject
    public AuditChains(EntityManager em, AuditSigning signing) {
        this.em = em;
        this.signing = signing;
    }

    protected AuditChains() {
        this(null, null);
    }

    /** The organization's chain from its latest checkpoint; inside the organization's tenant scope. */
    public ChainVerification verifyTail(UUID orgId) {
        return signing.verifier().tail(organization(orgId));
    }

    /** One page of the organization's full verification; inside the organization's tenant scope. */
    public ChainRangeVerification verifyRange(UUID orgId, long from, int limit) {
        return signing.verifier().range(organization(orgId), from, limit);
    }

    /** The platform's chain from its latest checkpoint; in the platform scope. */
    public ChainVerification verifyPlatformTail() {
        return signing.verifier().tail(platform());
    }

    /** One page of the platform chain's full verification; in the platform scope. */
    public ChainRangeVerification verifyPlatformRange(long from, int limit) {
        return signing.verifier().range(platform(), from, limit);
    }

    private ChainRows organization(UUID orgId) {
        if (!TenantContext.current().map(orgId::equals).orElse(false)) {
            throw new IllegalStateException("Verification runs inside the organization's tenant scope");
        }
        return new OrgChainRows(em, orgId);
    }

    private ChainRows platform() {
        if (!TenantContext.current().map(TenantContext.PLATFORM::equals).orElse(false)) {
            throw new IllegalStateException("The platform's chain is verified in the platform scope");
        }
        return new PlatformChainRows(em);
    }
}
