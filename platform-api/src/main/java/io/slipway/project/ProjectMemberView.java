package io.slipway.project;

import java.time.Instant;

/** A project role as the API shows it. */
public record ProjectMemberView(String userId, String username, String role, Instant grantedAt) {

    static ProjectMemberView of(ProjectMember member) {
        return new ProjectMemberView(member.userId(), member.username(), member.role().label(), member.grantedAt());
    }
}
