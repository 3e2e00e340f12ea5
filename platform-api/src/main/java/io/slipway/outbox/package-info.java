/**
 * Things a change must cause after it commits: {@link io.slipway.outbox.Outbox} appends an event in the change's
 * transaction, and leased background work (db-scheduler, {@link io.slipway.outbox.BackgroundWork}) relays it to
 * its subscribers once, whichever Slipway server takes the lease, and again after a crash.
 */
package io.slipway.outbox;
