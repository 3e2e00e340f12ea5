package io.slipway.audit;

/**
 * What a page of the audit trail vouches for: the chain's head carries this server's signature, the latest
 * checkpoint it names is signed and matches its event, every event after that checkpoint links to it and matches
 * its hash, the events end exactly where the head says, and the events shown match their hashes. Events before
 * the checkpoint are vouched for by the full verification ({@code GET .../audit/verification}).
 *
 * @param verified       whether all of that holds
 * @param eventsChecked  how many events were re-hashed
 * @param firstBrokenSeq sequence number of the first event found wrong, or null when verified
 * @param problem        what is wrong there, or null
 * @param lastSeq        the last event the chain's head names
 * @param checkpointSeq  the signed checkpoint the check started from (0: the start of the chain)
 */
public record ChainVerification(boolean verified, long eventsChecked, Long firstBrokenSeq, String problem,
                                long lastSeq, long checkpointSeq) {

    static ChainVerification ok(long checked, long lastSeq, long checkpointSeq) {
        return new ChainVerification(true, checked, null, null, lastSeq, checkpointSeq);
    }

    static ChainVerification broken(long checked, ChainBreak found, long lastSeq, long checkpointSeq) {
        return new ChainVerification(false, checked, found.seq(), found.problem(), lastSeq, checkpointSeq);
    }

    /** This verdict, also checking that each shown event still matches its hash; the lowest break wins. */
    public ChainVerification alsoChecking(Iterable<? extends ChainedEvent> shown) {
        long checked = eventsChecked;
        ChainBreak first = verified ? null : new ChainBreak(firstBrokenSeq, problem);
        for (ChainedEvent event : shown) {
            checked++;
            if (!event.link().hash(event.prevHash()).equals(event.hash())
                    && (first == null || event.seq() < first.seq())) {
                first = ChainBreak.changed(event.seq());
            }
        }
        return first == null ? ok(checked, lastSeq, checkpointSeq) : broken(checked, first, lastSeq, checkpointSeq);
    }
}
