package io.slipway.audit;

/**
 * Result of checking an organization's audit chain.
 *
 * @param verified       whether every event's hash matches its content and links to its predecessor
 * @param eventsChecked  how many events were read
 * @param firstBrokenSeq sequence number of the first event that fails, or null when verified
 * @param problem        what is wrong with that event, or null
 */
public record ChainVerification(boolean verified, long eventsChecked, Long firstBrokenSeq, String problem) {

    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, String problem) {
        return new ChainVerification(false, checked, seq, problem);
    }
}
