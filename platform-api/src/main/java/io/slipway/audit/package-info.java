/**
 * The append-only audit trails: every state change records an event in the same transaction, chained per
 * organization (and for the platform) by SHA-256, each event storing the previous event's hash. Each chain's head
 * and periodic checkpoints are signed with a key kept outside the database, so that editing, deleting (the last
 * events too) or rewriting rows is detected by {@link io.slipway.audit.ChainVerifier}, and verifying the tail costs
 * the same whatever the chain's length.
 */
package io.slipway.audit;
