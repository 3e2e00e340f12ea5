package io.slipway.tenancy;

import java.time.Instant;

/** A member of an organization as the API shows it. */
public record OrgMemberView(String userId, String username, String role, Instant addedAt) {

    static OrgMemberView of(OrgMember member) {
        return new OrgMemberView(member.userId(), member.username(), member.role().label(), member.addedAt());
    }
}
