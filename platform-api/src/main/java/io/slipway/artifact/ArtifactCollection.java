package io.slipway.artifact;

import io.slipway.api.AccessGate;
import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
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
 * off) with grace {@code slipway.artifacts.gc.grace}, and on demand. Runs never overlap. The default grace, 24
 * hours, is long because an upload's incomplete multipart upload counts its age from the upload's start: a slow
 * upload still in flight (5 GiB at 1 MB/s takes 90 minutes) must not be collected.
 */
@ApplicationScoped
public class ArtifactCollection {

    private static final Logger LOG = Logger.getLogger(ArtifactCollection.class.getName());

    private final ArtifactCollector collector;
    private final Duration interval;
    private final Duration grace;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    @Inject
    public ArtifactCollection(ArtifactCollector collector,
                              @ConfigProperty(name = "slipway.artifacts.gc.interval", defaultValue = "PT15M")
                              Duration interval,
                              @ConfigProperty(name = "slipway.artifacts.gc.grace", defaultValue = "PT24H")
                              Duration grace) {
        this.collector = collector;
        this.interval = interval;
        this.grace = grace;
    }

    protected ArtifactCollection() {
        this(null, Duration.ZERO, Duration.ZERO);
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
     * younger than the grace are kept, so uploads in flight are safe.
     */
    public ArtifactCollector.Report runNow(Caller caller, Optional<Duration> overrideGrace) {
        AccessGate.requirePlatform(caller, Operation.STORAGE_COLLECT);
        if (overrideGrace.filter(Duration::isNegative).isPresent()) {
            throw ProblemException.invalidField("graceSeconds", "must not be negative");
        }
        return collect(overrideGrace.orElse(grace));
    }

    private synchronized ArtifactCollector.Report collect(Duration withGrace) {
        return collector.collect(withGrace);
    }

    private void runScheduled() {
        try {
            collect(grace);
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
