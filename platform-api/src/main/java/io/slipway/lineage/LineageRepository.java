package io.slipway.lineage;

import java.util.List;

/** Lineage edges of the current organization (tenant-scoped). */
public interface LineageRepository {

    void store(LineageEdge edge);

    List<LineageEdge> from(NodeKey node);

    List<LineageEdge> to(NodeKey node);

    /** Edges arriving at a node, of a given kind, for showing what a version was made from. */
    List<LineageEdge> toFromKind(NodeKey node, String fromKind);
}
