package io.slipway.audit;

/** A signed statement that event {@code seq} of a chain has hash {@code hash}. */
public record Checkpoint(long seq, String hash, String mac) {
}
