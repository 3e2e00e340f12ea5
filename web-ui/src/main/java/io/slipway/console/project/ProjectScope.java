package io.slipway.console.project;

import io.slipway.auth.Caller;
import io.slipway.auth.ProjectRole;
import java.util.Optional;

/**
 * Which project a console page shows, to whom, and the role that person holds in it (none for an organization
 * owner outside the project). The role only decides what the console offers; the services check every call.
 */
public record ProjectScope(String org, String project, Caller caller, Optional<ProjectRole> role) {

    /** Whether the person may read the project's datasets and models (any project role). */
    public boolean canRead() {
        return role.isPresent();
    }

    /** Whether the person may upload datasets and models: data-scientist and up. */
    public boolean canUpload() {
        return role.filter(r -> r.includes(ProjectRole.DATA_SCIENTIST)).isPresent();
    }
}
