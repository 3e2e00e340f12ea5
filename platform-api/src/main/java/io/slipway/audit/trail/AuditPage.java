package io.slipway.audit.trail;

import io.slipway.audit.ChainVerification;
import java.util.List;

/**
 * A page of audit events, newest first, with the verdict on the chain: its signed head, the events since its latest
 * checkpoint, and the events shown (see {@link ChainVerification}; the whole chain is verified by
 * {@code GET .../audit/verification}).
 */
public record AuditPage(List<AuditEventView> items, String nextCursor, ChainVerification chain) {
}
