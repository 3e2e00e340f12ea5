package io.slipway.tenancy;

import java.util.List;
import java.util.Optional;

/** Members of the current organization (tenant-scoped). */
public interface OrgMemberRepository {

    Optional<OrgMember> findByUser(String userId);

    Optional<OrgMember> findByUsername(String username);

    List<OrgMember> page(Optional<String> afterUsername, int limit);

    long countOwners();

    void store(OrgMember member);

    void remove(OrgMember member);
}
