package io.slipway.audit;

/** A stored event of a chain, as verification reads it. */
public interface ChainedEvent {

    long seq();

    String prevHash();

    String hash();

    /** The content its hash covers, as stored now. */
    ChainLink link();
}
