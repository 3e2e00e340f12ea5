package io.slipway.pool;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pools (platform rows) and quotas (per organization). */
public interface PoolRepository {

    void store(ComputePool pool);

    Optional<ComputePool> findByName(String name);

    /** All pools by name. */
    List<ComputePool> all();

    void store(OrgQuota quota);

    Optional<OrgQuota> quota(UUID orgId, String pool);

    /** The organization's quotas, by pool name. */
    List<OrgQuota> quotasOf(UUID orgId);

    /** Every organization's quota on the pool (platform scope). */
    List<OrgQuota> quotasOn(String pool);
}
