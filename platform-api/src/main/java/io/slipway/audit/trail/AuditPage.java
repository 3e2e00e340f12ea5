package io.slipway.audit.trail;

import io.slipway.audit.ChainVerification;
import java.util.List;

/** A page of audit events, newest first, with the verdict on the organization's whole chain. */
public record AuditPage(List<AuditEventView> items, String nextCursor, ChainVerification chain) {
}
