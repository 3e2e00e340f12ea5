package io.slipway.lineage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by a feature whose nodes hang below model versions without stored edges (serving's requests, one
 * per call: too many to store edges for). It traces one such node back to the model version it came from, and
 * the lineage walk carries on upstream from there. Runs inside the caller's tenant scope.
 */
public interface LineageLeaves {

    /** The kind it answers for, e.g. {@code request}. */
    String kind();

    /** The path from the model version down to the node {@code id} of the project, if there is such a node. */
    Optional<Trace> trace(UUID projectId, UUID id);

    /**
     * @param modelVersion the model version the path starts from, when there is one (a request refused before any
     *                     version answered has none)
     * @param nodes        the nodes below it, ending with the one traced
     * @param edges        the edges from the model version's reference down
     */
    record Trace(Optional<NodeKey> modelVersion, List<LineageNode> nodes, List<LineageGraph.Edge> edges) {
    }
}
