package io.slipway.compute.kubernetes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a pool's work goes in the cluster: the nodes (selector, tolerations), the extended resource its GPUs are
 * counted in, and the namespace of each organization ({@code {org}} in the pattern stands for its slug).
 *
 * @param tolerations each as the pod spec writes it: key, operator, value, effect
 */
public record Placement(String pool, String accelerator, int gpusPerNode, Map<String, String> nodeSelector,
                        List<Map<String, String>> tolerations, String namespacePattern) {

    public static final String GPU_RESOURCE = "nvidia.com/gpu";
    public static final String DEFAULT_NAMESPACE_PATTERN = "slipway-{org}";

    public Placement {
        nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
        tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
        namespacePattern = namespacePattern == null || namespacePattern.isBlank() ? DEFAULT_NAMESPACE_PATTERN
                : namespacePattern;
    }

    public String namespaceOf(String org) {
        return namespacePattern.replace("{org}", org).toLowerCase(Locale.ROOT);
    }

    /** The LocalQueue of the organization for this pool, in its namespace: {@code <org>-<pool>}. */
    public String localQueueOf(String org) {
        return org + "-" + pool;
    }
}
