package io.slipway.outbox;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.slipway.persistence.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slipway's leased background work: one db-scheduler per server, on Slipway's own data source, its executions in
 * the {@code scheduled_tasks} table. A server picks an execution by updating its row (so no two servers run the
 * same one) and keeps it by heartbeat ({@code slipway.background.heartbeat}, default 10 s); an execution whose
 * server died is revived once 6 heartbeats are missed, by any server, the restarted one included. It starts once
 * the schema is migrated, on container-managed threads (so task handlers can use CDI, JPA and transactions), and
 * stops with the application, waiting up to {@code slipway.background.shutdown-wait} for running executions.
 */
@ApplicationScoped
public class BackgroundWork {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class.getName());

    private final Instance<BackgroundTasks> features;
    private final Duration pollingInterval;
    private final Duration heartbeat;
    private final int threads;
    private final Duration shutdownWait;

    @Resource(lookup = "jdbc/slipway")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threadFactory;

    private volatile Scheduler scheduler;

    @Inject
    public BackgroundWork(@Any Instance<BackgroundTasks> features,
                          @ConfigProperty(name = "slipway.background.polling-interval", defaultValue = "PT2S")
                          Duration pollingInterval,
                          @ConfigProperty(name = "slipway.background.heartbeat", defaultValue = "PT10S")
                          Duration heartbeat,
                          @ConfigProperty(name = "slipway.background.threads", defaultValue = "4") int threads,
                          @ConfigProperty(name = "slipway.background.shutdown-wait", defaultValue = "PT10S")
                          Duration shutdownWait) {
        this.features = features;
        this.pollingInterval = pollingInterval;
        this.heartbeat = heartbeat;
        this.threads = threads;
        this.shutdownWait = shutdownWait;
    }

    protected BackgroundWork() {
        this(null, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
    }

    synchronized void start(@Observes SchemaMigrated migrated) {
        List<Task<?>> tasks = new ArrayList<>();
        List<RecurringTask<?>> recurring = new ArrayList<>();
        for (BackgroundTasks feature : features) {
            tasks.addAll(feature.tasks());
            recurring.addAll(feature.recurring());
        }
        Scheduler started = Scheduler.create(dataSource, tasks)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(serverName()))
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(6)
                .threads(threads) // sizes db-scheduler's fetches to the pool below
                .executorService(Executors.newFixedThreadPool(threads, threadFactory))
                .dueExecutor(Executors.newSingleThreadExecutor(threadFactory))
                .housekeeperExecutor(Executors.newScheduledThreadPool(3, threadFactory))
                .shutdownMaxWait(shutdownWait)
                .enableImmediateExecution()
                .build();
        started.start();
        scheduler = started;
        LOG.info(() -> "Background work started: " + tasks.size() + " on-demand and " + recurring.size()
                + " recurring tasks, polling every " + pollingInterval + ", heartbeat " + heartbeat);
    }

    /** Stops taking work and waits for running executions; called as the web application stops (and again, idly, by CDI). */
    @PreDestroy
    public synchronized void stop() {
        Scheduler running = scheduler;
        if (running != null) {
            scheduler = null;
            running.stop();
            LOG.info("Background work stopped");
        }
    }

    private static String serverName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "slipway";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
