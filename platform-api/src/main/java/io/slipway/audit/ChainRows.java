package io.slipway.audit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads one chain for {@link ChainVerifier}; implementations run inside the chain's scope and transaction. */
public interface ChainRows {

    /** The chain's name in signatures: the organization's id, or {@code platform}. */
    String chain();

    /** Whether the chain always has events (an organization's starts with the organization's creation). */
    boolean neverEmpty();

    Optional<SignedHead> head();

    Optional<Checkpoint> checkpoint(long seq);

    /** Checkpoints with {@code fromSeq <= seq <= toSeq}, by sequence number. */
    List<Checkpoint> checkpoints(long fromSeq, long toSeq);

    /** Up to {@code limit} events with {@code seq >= fromSeq}, by sequence number. */
    List<? extends ChainedEvent> events(long fromSeq, int limit);

    Optional<String> hashOf(long seq);

    /** The highest sequence number stored, whatever the head says. */
    OptionalLong lastEventSeq();
}
