package io.slipway.compute.kubernetes;

import io.slipway.compute.Resources;
import java.util.Map;

/**
 * A serving deployment's replicas as the kubernetes backend runs them: the Slipway image started as
 * {@code io.slipway.serving.ReplicaMain} with the version's settings ({@code SLIPWAY_REPLICA_*}).
 */
public record ReplicaSpec(String org, String project, String deployment, int version, String image, int replicas,
                          Map<String, String> settings, Resources request) {

    public ReplicaSpec {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public String name() {
        return "slipway-serve-" + project + "-" + deployment;
    }
}
