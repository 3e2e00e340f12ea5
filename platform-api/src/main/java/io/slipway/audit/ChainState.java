package io.slipway.audit;

/**
 * Where a chain stands: its last event and the latest checkpoint, as its head records them.
 *
 * @param lastSeq       sequence number of the last event (0 for an empty chain)
 * @param lastHash      that event's hash ({@link ChainLink#GENESIS} for an empty chain)
 * @param checkpointSeq sequence number of the latest checkpoint (0 when there is none yet)
 */
public record ChainState(long lastSeq, String lastHash, long checkpointSeq) {

    public static final ChainState EMPTY = new ChainState(0, ChainLink.GENESIS, 0);

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
