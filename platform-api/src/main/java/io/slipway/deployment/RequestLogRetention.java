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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes request-log rows older than their organization keeps them ({@code requestLogRetentionDays} in its
 * settings, default 30 days), every {@code slipway.serving.request-log.retention-check} (default an hour), as
 * leased background work: one server at a time does it.
 */
@ApplicationScoped
public class RequestLogRetention implements BackgroundTasks {

    private static final Logger LOG = Logger.getLogger(RequestLogRetention.class.getName());
    static final String TASK = "request-log-retention";

    private final Tenancy tenancy;
    private final EntityManager em;
    private final PlatformAuditLog audit;
    private final Duration every;

    /** What the platform's audit trail records of a run that deleted rows: how many, kept how long. */
    public record Expired(int rows, Map<Integer, Integer> rowsByRetentionDays) {
    }

    @Inject
    public RequestLogRetention(Tenancy tenancy, EntityManager em, PlatformAuditLog audit,
                               @ConfigProperty(name = "slipway.serving.request-log.retention-check", defaultValue = "PT1H")
                               Duration every) {
        this.tenancy = tenancy;
        this.em = em;
        this.audit = audit;
        this.every = every;
    }

    protected RequestLogRetention() {
        this(null, null, null, Duration.ZERO);
    }

    @Override
    public List<RecurringTask<?>> recurring() {
        return List.of(Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> deleteExpired()));
    }

    /**
     * Deletes every organization's rows older than it keeps them, and records it in the platform's audit trail in
     * the same transaction; returns how many. Organizations that keep the log equally long share one statement.
     */
    int deleteExpired() {
        Instant now = Instant.now();
        int deleted = tenancy.asPlatform(() -> {
            Map<Integer, List<UUID>> byDays = em.createQuery(
                            "select o.id, o.requestLogRetentionDays from Organization o", Object[].class)
                    .getResultStream().collect(Collectors.groupingBy(row -> (Integer) row[1], TreeMap::new,
                            Collectors.mapping(row -> (UUID) row[0], Collectors.toList())));
            Map<Integer, Integer> rowsByDays = new TreeMap<>();
            byDays.forEach((days, organizations) -> {
                int rows = em.createQuery("delete from LoggedRequest r where r.orgId in :organizations"
                                + " and r.receivedAt < :cutoff")
                        .setParameter("organizations", organizations)
                        .setParameter("cutoff", now.minus(Duration.ofDays(days))).executeUpdate();
                if (rows > 0) {
                    rowsByDays.put(days, rows);
                }
            });
            int rows = rowsByDays.values().stream().mapToInt(Integer::intValue).sum();
            if (rows > 0) {
                audit.record(PlatformAuditLog.PLATFORM, AuditEntry.organizationLevel("request-log.expired",
                        "request-log", "inference-requests", null, new Expired(rows, rowsByDays)));
            }
            return rows;
        });
        if (deleted > 0) {
            LOG.info(() -> "Request log: deleted " + deleted + " rows older than their organizations keep them");
        }
        return deleted;
    }
}
