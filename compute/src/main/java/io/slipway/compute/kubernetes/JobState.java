package io.slipway.compute.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Optional;

/**
 * A run's state read from its Job (and its pod, for the exit code): suspended is queued (Kueue has not admitted
 * it), {@code Complete} succeeded, {@code Failed} for {@code DeadlineExceeded} timed out, other failures failed
 * with the condition's message; anything else, admitted and not ended, is running.
 */
public record JobState(RunPhase phase, String reason, Integer exitCode) {

    public static JobState of(Job job, List<Pod> pods) {
        List<JobCondition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null
                ? List.of() : job.getStatus().getConditions();
        Optional<JobCondition> complete = condition(conditions, "Complete");
        if (complete.isPresent()) {
            return new JobState(RunPhase.SUCCEEDED, null, exitCode(pods).orElse(0));
        }
        Optional<JobCondition> failed = condition(conditions, "Failed");
        if (failed.isPresent()) {
            JobCondition failure = failed.get();
            if ("DeadlineExceeded".equals(failure.getReason())) {
                return new JobState(RunPhase.TIMED_OUT, "ran past its timeout of "
                        + job.getSpec().getActiveDeadlineSeconds() + " s", exitCode(pods).orElse(null));
            }
            Optional<Integer> exit = exitCode(pods);
            return new JobState(RunPhase.FAILED, exit.map(code -> "exited with code " + code + "; ").orElse("")
                    + Optional.ofNullable(failure.getMessage()).orElse(failure.getReason()), exit.orElse(null));
        }
        if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
            return new JobState(RunPhase.QUEUED, "waiting for Kueue to admit it to queue "
                    + job.getMetadata().getLabels().get(Labels.KUEUE_QUEUE), null);
        }
        return new JobState(RunPhase.RUNNING, null, null);
    }

    private static Optional<JobCondition> condition(List<JobCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static Optional<Integer> exitCode(List<Pod> pods) {
        return pods.stream()
                .filter(pod -> pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null)
                .flatMap(pod -> pod.getStatus().getContainerStatuses().stream())
                .filter(status -> status.getState() != null && status.getState().getTerminated() != null)
                .map(status -> status.getState().getTerminated())
                .map(ContainerStateTerminated::getExitCode)
                .findFirst();
    }
}
