package io.slipway.pool;

import java.util.List;

/** What defines a pool, as stored; {@link NewPool} is what a platform admin sends. */
public record PoolDefinition(String name, PoolBackend backend, String accelerator, int gpusPerNode, int nodes,
                             long cpuMillisPerNode, long memoryMibPerNode, List<String> purposes,
                             String nodeSelectorJson, String tolerationsJson, String namespacePattern) {

    public static final String TRAINING = "training";
    public static final String SERVING = "serving";
}
