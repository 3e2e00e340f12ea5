package io.slipway.project;

import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by features that keep content in a project (datasets, models, ...): says what would be lost
 * if the project were deleted now, so that deletion is refused instead.
 */
public interface ProjectDeletionGuard {

    /** A description such as "3 models", or empty when this feature holds nothing in the project. */
    Optional<String> contentBlockingDeletion(UUID projectId);
}
