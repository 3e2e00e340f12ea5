package io.slipway.lineage;

import java.time.Instant;

/**
 * A node of the lineage graph.
 *
 * @param id the node's reference, e.g. {@code model-version:fraud:3}, usable as {@code ?node=}
 */
public record LineageNode(String id, String kind, String name, int version, Instant createdAt, String createdBy,
                          String sha256) {

    public static LineageNode of(String kind, String name, int version, Instant createdAt, String createdBy,
                                 String sha256) {
        return new LineageNode(kind + ":" + name + ":" + version, kind, name, version, createdAt, createdBy, sha256);
    }
}
