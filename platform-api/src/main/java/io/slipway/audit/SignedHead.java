package io.slipway.audit;

/** A chain's head as stored: where the chain stands and the signature over it (null when unsigned). */
public record SignedHead(ChainState state, String mac) {
}
