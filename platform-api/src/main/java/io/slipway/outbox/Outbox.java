package io.slipway.outbox;

/**
 * Things that must happen after a change commits (a webhook delivery today; version switches and run
 * admissions later). {@link #publish} writes an outbox row in the caller's transaction, inside the
 * organization's tenant scope, beside the change and its audit event: if the change rolls back, so does the
 * event; once it commits, the event is delivered even if the server dies right after.
 */
public interface Outbox {

    /** Appends the event to the current organization's outbox, in the current transaction. */
    void publish(OutboxEvent event);
}
