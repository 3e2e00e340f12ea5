package io.slipway.deployment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.slipway.audit.AuditEntry;
import io.slipway.audit.PlatformAuditLog;
import io.slipway.outbox.BackgroundTasks;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes request-log rows older than {@code slipway.serving.request-log.retention} (default 30 days), every
 * {@code slipway.serving.request-log.retention-check} (default an hour), as leased background work: one server at
 * a time does it.
 */
@ApplicationScoped
public class RequestLogRetention implements BackgroundTasks {

    private static final Logger LOG = Logger.getLogger(RequestLogRetention.class.getName());
    static final String TASK = "request-log-retention";

    private final Tenancy tenancy;
    private final EntityManager em;
    private final PlatformAuditLog audit;
    private final Duration retention;
    private final Duration every;

    /** What the platform's audit trail records of a run that deleted rows. */
    public record Expired(int rows, String olderThan) {
    }

    @Inject
    public RequestLogRetention(Tenancy tenancy, EntityManager em, PlatformAuditLog audit,
                               @ConfigProperty(name = "slipway.serving.request-log.retention", defaultValue = "P30D")
                               Duration retention,
                               @ConfigProperty(name = "slipway.serving.request-log.retention-check", defaultValue = "PT1H")
                               Duration every) {
        this.tenancy = tenancy;
        this.em = em;
        this.audit = audit;
        this.retention = retention;
        this.every = every;
    }

    protected RequestLogRetention() {
        this(null, null, null, Duration.ZERO, Duration.ZERO);
    }

    @Override
    public List<RecurringTask<?>> recurring() {
        return List.of(Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> deleteExpired()));
    }

    /**
     * Deletes every organization's rows older than the retention, and records it in the platform's audit trail in
     * the same transaction; returns how many.
     */
    int deleteExpired() {
        Instant cutoff = Instant.now().minus(retention);
        int deleted = tenancy.asPlatform(() -> {
            int rows = em.createQuery("delete from LoggedRequest r where r.receivedAt < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate();
            if (rows > 0) {
                audit.record(PlatformAuditLog.PLATFORM, AuditEntry.organizationLevel("request-log.expired",
                        "request-log", "inference-requests", null, new Expired(rows, cutoff.toString())));
            }
            return rows;
        });
        if (deleted > 0) {
            LOG.info(() -> "Request log: deleted " + deleted + " rows older than " + retention);
        }
        return deleted;
    }
}
