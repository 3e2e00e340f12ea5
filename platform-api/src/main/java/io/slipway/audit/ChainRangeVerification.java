package io.slipway.audit;

/**
 * One page of a full verification: events {@code from} to {@code to} re-hashed and linked, starting from the stored
 * hash of event {@code from - 1} (which the previous page checked), every signed checkpoint among them compared
 * with its event, and, on the page that reaches the end, the last event compared with the signed head. Pages from
 * 1 to the end, in order, verify the whole chain; {@code next} is where the next page starts (null at the end).
 *
 * @param lastSeq the last event the chain's (signed) head names
 */
public record ChainRangeVerification(long from, long to, long lastSeq, long eventsChecked, int checkpointsChecked,
                                     boolean verified, Long firstBrokenSeq, String problem, Long next) {
}
