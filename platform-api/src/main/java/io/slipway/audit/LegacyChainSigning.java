package io.slipway.audit;

import io.slipway.persistence.SchemaMigrated;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Signs the chains that existed before heads were signed, once: at the start that applies migration 3, which
 * added the signatures. Such a chain is trusted as it stands at that moment (as it was before); from then on,
 * nothing signs a head that does not follow from a signed one. A head found unsigned later is reported as broken
 * and is never signed.
 */
@ApplicationScoped
public class LegacyChainSigning {

    /** The migration that introduced signed heads. */
    static final String SIGNING_MIGRATION = "3";

    private static final Logger LOG = Logger.getLogger(LegacyChainSigning.class.getName());

    private final EntityManager em;
    private final Tenancy tenancy;
    private final AuditSigning signing;

    @Inject
    public LegacyChainSigning(EntityManager em, Tenancy tenancy, AuditSigning signing) {
        this.em = em;
        this.tenancy = tenancy;
        this.signing = signing;
    }

    protected LegacyChainSigning() {
        this(null, null, null);
    }

    void onMigrated(@Observes SchemaMigrated migrated) {
        if (!migrated.appliedNow(SIGNING_MIGRATION)) {
            return;
        }
        List<UUID> unsigned = tenancy.asPlatform(() -> em.createQuery(
                "select h.orgId from AuditChainHead h where h.mac is null", UUID.class).getResultList());
        for (UUID orgId : unsigned) {
            tenancy.asSystemIn(orgId, () -> {
                AuditChainHead head = em.find(AuditChainHead.class, orgId, LockModeType.PESSIMISTIC_WRITE);
                em.persist(new AuditCheckpoint(signing.adopt(orgId.toString(), head),
                        Instant.now().truncatedTo(ChronoUnit.MICROS)));
                return null;
            });
        }
        LOG.info(() -> "Signed the audit chains of " + unsigned.size() + " organizations, which predate signing");
    }
}
