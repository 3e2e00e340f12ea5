package io.slipway.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organizations; platform-level (callers run it in the platform scope). */
public interface OrganizationRepository {

    Optional<Organization> findBySlug(String slug);

    Optional<Organization> findById(UUID id);

    void store(Organization organization);

    /** Every organization, by slug, after the given slug (platform work such as garbage collection). */
    List<Organization> page(Optional<String> afterSlug, int limit);

    /** Locks the organization's row until the transaction ends: serializes registrations in one organization. */
    void lock(UUID id);

    /** Organizations the user belongs to, by slug, after the given slug. */
    List<Organization> findForMember(String userId, Optional<String> afterSlug, int limit);
}
