package io.slipway.project;

import java.time.Instant;

/**
 * A project as the API shows it.
 *
 * @param yourRole the caller's role in the project, absent for organization owners without one
 */
public record ProjectView(String slug, String name, String description, Instant createdAt, String yourRole) {

    static ProjectView of(Project project, String yourRole) {
        return new ProjectView(project.slug(), project.name(), project.description(), project.createdAt(),
                yourRole);
    }
}
