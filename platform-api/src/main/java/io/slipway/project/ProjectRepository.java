package io.slipway.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Projects of the current organization (tenant-scoped). */
public interface ProjectRepository {

    Optional<Project> findBySlug(String slug);

    Optional<Project> findById(UUID id);

    /** Every project, by slug: what organization owners see. */
    List<Project> page(Optional<String> afterSlug, int limit);

    /** Projects in which the user holds a role, by slug. */
    List<Project> pageForMember(String userId, Optional<String> afterSlug, int limit);

    void store(Project project);

    void remove(Project project);
}
