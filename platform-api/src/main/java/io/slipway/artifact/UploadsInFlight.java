package io.slipway.artifact;

import io.slipway.tenancy.OrganizationRepository;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Uploads that garbage collection must leave alone, whatever its grace period (zero included). Every upload is
 * marked, in a committed row, before it writes its first byte; the mark names the content's digest, under the
 * organization's lock, before the upload looks for or writes that content; the registration removes the mark in
 * its own transaction, and a refused upload removes it when it gives up. The collector keeps temporary objects and
 * multipart uploads younger than the oldest live mark, and content a live mark names (see
 * {@link ArtifactCollector}). A mark left by a crash, or by a registration that failed, expires after the
 * configured grace period (at least an hour): until then it only delays the collection of that organization's
 * newest leftovers.
 */
@ApplicationScoped
public class UploadsInFlight {

    private final EntityManager em;
    private final Tenancy tenancy;
    private final OrganizationRepository organizations;

    @Inject
    public UploadsInFlight(EntityManager em, Tenancy tenancy, OrganizationRepository organizations) {
        this.em = em;
        this.tenancy = tenancy;
        this.organizations = organizations;
    }

    protected UploadsInFlight() {
        this(null, null, null);
    }

    /** Marks a new upload, committed before it returns; outside any transaction. */
    public UUID begin(UUID orgId) {
        UUID id = UUID.randomUUID();
        tenancy.asSystemIn(orgId, () -> {
            em.persist(new UploadInFlight(id, Instant.now().truncatedTo(ChronoUnit.MICROS)));
            return null;
        });
        return id;
    }

    /**
     * Names the content the upload is about to look for or write, committed before it returns; under the
     * organization's lock, so that the collector either sees the claim before it decides, or has finished deleting
     * before the upload looks. Outside any transaction.
     */
    public void claim(UUID orgId, UUID upload, String sha256) {
        tenancy.asSystemIn(orgId, () -> {
            organizations.lock(orgId);
            Optional.ofNullable(em.find(UploadInFlight.class, upload)).ifPresent(mark -> mark.claim(sha256));
            return null;
        });
    }

    /** Removes the mark in the current transaction (the registration's, inside the organization's scope). */
    public void end(UUID upload) {
        Optional.ofNullable(em.find(UploadInFlight.class, upload)).ifPresent(em::remove);
    }

    /** Removes the mark of an upload that gave up; outside any transaction. */
    public void abandon(UUID orgId, UUID upload) {
        tenancy.asSystemIn(orgId, () -> {
            end(upload);
            return null;
        });
    }

    /**
     * When the oldest live upload of the current organization started, after deleting the marks that started
     * before {@code expiredBefore}; in the organization's scope.
     */
    Optional<Instant> oldestLive(UUID orgId, Instant expiredBefore) {
        // bulk deletes name the organization themselves: they need not rely on the tenant filter
        em.createQuery("delete from UploadInFlight u where u.orgId = :org and u.startedAt < :expired")
                .setParameter("org", orgId)
                .setParameter("expired", expiredBefore)
                .executeUpdate();
        return Optional.ofNullable(em.createQuery("select min(u.startedAt) from UploadInFlight u", Instant.class)
                .getSingleResult());
    }

    /** Which of these digests live uploads of the current organization have claimed; in its scope. */
    Set<String> claimed(Collection<String> sha256s, Instant expiredBefore) {
        if (sha256s.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select u.sha256 from UploadInFlight u where u.sha256 in :shas "
                        + "and u.startedAt >= :expired", String.class)
                .setParameter("shas", sha256s)
                .setParameter("expired", expiredBefore)
                .getResultList());
    }
}
