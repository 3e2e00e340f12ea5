package io.slipway.outbox;

import com.github.kagkarlsson.scheduler.SchedulerClient;

/**
 * Something that acts on outbox events (webhooks today). Found through {@code Instance<>}: a feature plugs in
 * without editing the outbox.
 */
public interface OutboxSubscriber {

    /**
     * Takes one event, inside its organization's tenant scope and in the transaction that marks it relayed: what
     * it writes commits with that mark or not at all. Events come in sequence order.
     */
    void accept(RelayedEvent event);

    /**
     * Called after every relay run, outside any transaction: a place to schedule the work the accepted events
     * need (and any such work a crash left unscheduled).
     */
    default void afterRelay(SchedulerClient scheduler) {
    }
}
