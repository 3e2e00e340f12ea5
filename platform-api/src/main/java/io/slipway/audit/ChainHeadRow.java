package io.slipway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The stored head of a chain: where it stands and the signature over that. Appending locks the row, which orders
 * concurrent appends to one chain; it moves forward only.
 */
@MappedSuperclass
public abstract class ChainHeadRow {

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    @Column(name = "checkpoint_seq", nullable = false)
    private long checkpointSeq;

    @Column(length = 64)
    private String mac;

    protected ChainHeadRow() {
    }

    protected ChainHeadRow(ChainState state, String mac) {
        this.lastSeq = state.lastSeq();
        this.lastHash = state.lastHash();
        this.checkpointSeq = state.checkpointSeq();
        this.mac = mac;
    }

    public ChainState state() {
        return new ChainState(lastSeq, lastHash, checkpointSeq);
    }

    /** The signature, or null when the head was never signed. */
    public String mac() {
        return mac;
    }

    void moveTo(ChainState state, String mac) {
        this.lastSeq = state.lastSeq();
        this.lastHash = state.lastHash();
        this.checkpointSeq = state.checkpointSeq();
        this.mac = mac;
    }
}
