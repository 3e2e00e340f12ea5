package io.slipway.tenancy;

import java.util.List;
import java.util.Optional;

/** Organizations; platform-level (callers run it in the platform scope). */
public interface OrganizationRepository {

    Optional<Organization> findBySlug(String slug);

    void store(Organization organization);

    /** Organizations the user belongs to, by slug, after the given slug. */
    List<Organization> findForMember(String userId, Optional<String> afterSlug, int limit);
}
