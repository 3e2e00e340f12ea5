package io.slipway.project;

import io.slipway.auth.ProjectRole;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Project roles in the current organization (tenant-scoped). */
public interface ProjectMemberRepository {

    Optional<ProjectMember> find(UUID projectId, String userId);

    List<ProjectMember> page(UUID projectId, Optional<String> afterUsername, int limit);

    /** The user's role in each of the given projects that they hold one in. */
    Map<UUID, ProjectRole> rolesOf(String userId, Collection<UUID> projectIds);

    void store(ProjectMember member);

    void remove(ProjectMember member);
}
