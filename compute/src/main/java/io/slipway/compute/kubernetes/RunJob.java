package io.slipway.compute.kubernetes;

import io.slipway.compute.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A run as the kubernetes backend starts it: who it belongs to, its image and command, its contract, its size. */
public record RunJob(UUID runId, String org, String project, int number, String image, List<String> command,
                     List<String> args, Map<String, String> env, String token, Resources request, Duration timeout) {

    public RunJob {
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** The Job's name (and its token Secret's): {@code slipway-run-<id>}. */
    public String jobName() {
        return "slipway-run-" + runId;
    }
}
