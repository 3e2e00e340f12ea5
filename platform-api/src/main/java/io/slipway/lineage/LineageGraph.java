package io.slipway.lineage;

import java.util.List;

/** The nodes within {@code depth} edges of {@code root}, in both directions, and the edges between them. */
public record LineageGraph(String root, int depth, List<LineageNode> nodes, List<Edge> edges) {

    /** {@code from} flowed into {@code to}. */
    public record Edge(String from, String to, String relation) {
    }
}
