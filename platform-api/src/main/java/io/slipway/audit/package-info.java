/**
 * The append-only audit trail: every state change records an event in the same transaction, chained per
 * organization by SHA-256 (each event stores the previous event's hash) so that editing or deleting a row
 * is detected by {@link io.slipway.audit.ChainVerifier}.
 */
package io.slipway.audit;
