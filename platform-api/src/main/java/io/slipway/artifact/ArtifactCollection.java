package io.slipway.artifact;

import io.slipway.api.AccessGate;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditEntry;
import io.slipway.audit.PlatformAuditLog;
import io.slipway.auth.Actor;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.tenancy.Tenancy;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When garbage collection runs: every {@code slipway.artifacts.gc.interval} (default 15 minutes, 0 turns it
 * off) with grace {@code slipway.artifacts.gc.grace}, and on demand. Runs never overlap, and each is recorded in
 * the platform's audit trail (actor: the platform admin who asked, or {@code platform} for scheduled runs). Uploads
 * in flight are safe whatever the grace (see {@link UploadsInFlight}); the configured grace (at least an hour) is
 * also how long an upload may take before its mark is taken for a crash's leftover.
 */
@ApplicationScoped
public class ArtifactCollection {

    private static final Logger LOG = Logger.getLogger(ArtifactCollection.class.getName());
    /** The shortest time an upload in flight is protected by its mark. */
    static final Duration MIN_MARK_LIFETIME = Duration.ofHours(1);

    private final ArtifactCollector collector;
    private final Tenancy tenancy;
    private final PlatformAuditLog audit;
    private final Duration interval;
    private final Duration grace;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    @Inject
    public ArtifactCollection(ArtifactCollector collector, Tenancy tenancy, PlatformAuditLog audit,
                              @ConfigProperty(name = "slipway.artifacts.gc.interval", defaultValue = "PT15M")
                              Duration interval,
                              @ConfigProperty(name = "slipway.artifacts.gc.grace", defaultValue = "PT24H")
                              Duration grace) {
        this.collector = collector;
        this.tenancy = tenancy;
        this.audit = audit;
        this.interval = interval;
        this.grace = grace;
    }

    protected ArtifactCollection() {
        this(null, null, null, Duration.ZERO, Duration.ZERO);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("Scheduled artifact collection is off");
            return;
        }
        schedule = scheduler.scheduleWithFixedDelay(this::runScheduled, interval.toSeconds(), interval.toSeconds(),
                TimeUnit.SECONDS);
    }

    /**
     * Collects now, for a platform admin; {@code overrideGrace} empty means the configured grace. Leftovers
     * younger than the grace are kept, and uploads in flight whatever the grace.
     */
    public ArtifactCollector.Report runNow(Caller caller, Optional<Duration> overrideGrace) {
        AccessGate.requirePlatform(caller, Operation.STORAGE_COLLECT);
        if (overrideGrace.filter(Duration::isNegative).isPresent()) {
            throw ProblemException.invalidField("graceSeconds", "must not be negative");
        }
        return collect(overrideGrace.orElse(grace), caller);
    }

    /** What a run's audit event records. */
    public record Run(long graceSeconds, ArtifactCollector.Report removed) {
    }

    private synchronized ArtifactCollector.Report collect(Duration withGrace, Actor actor) {
        Duration markLifetime = grace.compareTo(MIN_MARK_LIFETIME) > 0 ? grace : MIN_MARK_LIFETIME;
        ArtifactCollector.Report report = collector.collect(withGrace, markLifetime);
        tenancy.asPlatform(() -> {
            audit.record(actor, AuditEntry.organizationLevel("storage.collected", "storage", "artifacts", null,
                    new Run(withGrace.toSeconds(), report)));
            return null;
        });
        return report;
    }

    private void runScheduled() {
        try {
            collect(grace, PlatformAuditLog.PLATFORM);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Artifact collection failed; it runs again in " + interval, e);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
