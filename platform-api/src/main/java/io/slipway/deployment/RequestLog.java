package io.slipway.deployment;

import io.slipway.persistence.SchemaMigrated;
import io.slipway.tenancy.Tenancy;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serving's request log, written off the request thread: the hot path only offers a record to a bounded queue
 * (never waiting; when the queue is full the record is dropped and counted, so a slow database slows no request),
 * and every {@code slipway.serving.request-log.flush-interval} (default 200 ms) the queue is written in batches,
 * one transaction per organization.
 */
@ApplicationScoped
public class RequestLog {

    private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());
    private static final int BATCH = 500;

    private final Tenancy tenancy;
    private final EntityManager em;
    private final Duration flushInterval;
    private final BlockingQueue<RequestRecord> pending;
    private final AtomicLong dropped = new AtomicLong();

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> flushing;

    @Inject
    public RequestLog(Tenancy tenancy, EntityManager em,
                      @ConfigProperty(name = "slipway.serving.request-log.flush-interval", defaultValue = "PT0.2S")
                      Duration flushInterval,
                      @ConfigProperty(name = "slipway.serving.request-log.queue", defaultValue = "100000") int capacity) {
        this.tenancy = tenancy;
        this.em = em;
        this.flushInterval = flushInterval;
        this.pending = new ArrayBlockingQueue<>(Math.max(1, capacity));
    }

    protected RequestLog() {
        this.tenancy = null;
        this.em = null;
        this.flushInterval = Duration.ZERO;
        this.pending = null;
    }

    synchronized void start(@Observes SchemaMigrated migrated) {
        flushing = scheduler.scheduleWithFixedDelay(this::flush, flushInterval.toMillis(),
                Math.max(10, flushInterval.toMillis()), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (flushing != null) {
            flushing.cancel(false);
            flush();
        }
    }

    /** Takes a record for the next batch, without waiting. */
    public void record(RequestRecord record) {
        if (!pending.offer(record)) {
            long count = dropped.incrementAndGet();
            if (Long.bitCount(count) == 1) { // 1, 2, 4, 8, ...: a full queue is reported, not once per request
                LOG.warning("The request log's queue is full: " + count + " records dropped so far");
            }
        }
    }

    /** Records dropped because the queue was full, since the server started. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued; the scheduler calls it, and it runs once more when the server stops. */
    void flush() {
        try {
            List<RequestRecord> batch = new ArrayList<>(BATCH);
            while (pending.drainTo(batch, BATCH) > 0) {
                Map<UUID, List<RequestRecord>> byOrganization = batch.stream()
                        .collect(Collectors.groupingBy(RequestRecord::orgId));
                byOrganization.forEach((orgId, records) -> tenancy.asSystemIn(orgId, () -> {
                    for (RequestRecord record : records) {
                        em.persist(new LoggedRequest(record));
                    }
                    return null;
                }));
                batch.clear();
            }
        } catch (RuntimeException e) {
            // a deployment removed meanwhile takes its rows with it (foreign key); the rest is retried never:
            // the log is best effort by design, the answer itself was already given
            LOG.log(Level.WARNING, "Writing the request log failed; that batch is lost", e);
        }
    }
}
