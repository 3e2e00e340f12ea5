package io.slipway.lineage;

import java.util.UUID;

/** A lineage node by kind and database id. */
public record NodeKey(String kind, UUID id) {
}
