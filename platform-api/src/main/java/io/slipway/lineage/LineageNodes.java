package io.slipway.lineage;

import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by each feature whose versions appear in lineage (datasets, models): it finds its nodes by
 * the name and version a user writes, and describes them. Runs inside the caller's tenant scope.
 */
public interface LineageNodes {

    /** The kind it answers for, e.g. {@code model-version}. */
    String kind();

    /** The node with this name and version in the project. */
    Optional<UUID> find(UUID projectId, String name, int version);

    /** What to show about a node. */
    Optional<LineageNode> describe(UUID id);
}
