package io.slipway.outbox;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;

/**
 * A feature's db-scheduler tasks, found through {@code Instance<>} when {@link BackgroundWork} starts. Task
 * handlers run on container-managed threads: they enter tenancy ({@code Tenancy.asSystemIn} for an
 * organization's rows, {@code Tenancy.asPlatform} for scans) like any other work.
 */
public interface BackgroundTasks {

    /** Tasks whose instances are scheduled on demand. */
    default List<Task<?>> tasks() {
        return List.of();
    }

    /** Tasks that run on a schedule from the start (one execution cluster-wide at a time). */
    default List<RecurringTask<?>> recurring() {
        return List.of();
    }
}
