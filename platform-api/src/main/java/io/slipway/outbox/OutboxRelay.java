package io.slipway.outbox;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands committed outbox events to the {@link OutboxSubscriber}s, in each organization's sequence order, every
 * {@code slipway.outbox.poll-interval} (default one second). It is a recurring db-scheduler task: one server at a
 * time holds its lease, so an event is relayed once; an event is marked relayed in the transaction that stores
 * what its subscribers made of it, so a crash before that commit only means it is relayed on the next run.
 */
@ApplicationScoped
public class OutboxRelay implements BackgroundTasks {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    static final String TASK = "outbox-relay";
    private static final int BATCH = 200;
    private static final int ORGANIZATIONS_PER_RUN = 1000;

    private final Tenancy tenancy;
    private final EntityManager em;
    private final Instance<OutboxSubscriber> subscribers;
    private final Duration interval;

    @Inject
    public OutboxRelay(Tenancy tenancy, EntityManager em, @Any Instance<OutboxSubscriber> subscribers,
                       @ConfigProperty(name = "slipway.outbox.poll-interval", defaultValue = "PT1S")
                       Duration interval) {
        this.tenancy = tenancy;
        this.em = em;
        this.subscribers = subscribers;
        this.interval = interval;
    }

    protected OutboxRelay() {
        this(null, null, null, Duration.ZERO);
    }

    @Override
    public List<RecurringTask<?>> recurring() {
        return List.of(Tasks.recurring(TASK, FixedDelay.of(interval))
                .execute((instance, context) -> relayAll(context.getSchedulerClient())));
    }

    /** Relays every organization's pending events, then lets the subscribers schedule their work. */
    void relayAll(SchedulerClient scheduler) {
        List<UUID> organizations = tenancy.asPlatform(() -> em.createQuery(
                        "select distinct r.orgId from OutboxRecord r where r.relayedAt is null", UUID.class)
                .setMaxResults(ORGANIZATIONS_PER_RUN)
                .getResultList());
        for (UUID orgId : organizations) {
            try {
                while (tenancy.asSystemIn(orgId, this::relayBatch) == BATCH) {
                    // a full batch: there may be more
                }
            } catch (RuntimeException e) {
                // one organization's failure must not hold the others' events back; it is retried next run
                LOG.log(Level.WARNING, "Relaying the outbox of organization " + orgId + " failed", e);
            }
        }
        for (OutboxSubscriber subscriber : subscribers) {
            try {
                subscriber.afterRelay(scheduler);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox subscriber " + subscriber.getClass().getName() + " failed", e);
            }
        }
    }

    private int relayBatch() {
        List<OutboxRecord> pending = em.createQuery(
                        "select r from OutboxRecord r where r.relayedAt is null order by r.seq", OutboxRecord.class)
                .setMaxResults(BATCH)
                .getResultList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (OutboxRecord record : pending) {
            RelayedEvent event = record.relayed();
            for (OutboxSubscriber subscriber : subscribers) {
                subscriber.accept(event);
            }
            record.markRelayed(now);
        }
        return pending.size();
    }
}
