package io.slipway.pool;

import com.fasterxml.jackson.core.type.TypeReference;
import io.slipway.api.Json;
import io.slipway.compute.kubernetes.Placement;
import java.util.List;
import java.util.Map;

/** Where a kubernetes pool's work goes in the cluster, read off its stored definition. */
public final class Placements {

    private Placements() {
    }

    public static Placement of(ComputePool pool) {
        PoolDefinition definition = pool.definition();
        Map<String, String> selector = definition.nodeSelectorJson() == null ? Map.of()
                : Json.read(definition.nodeSelectorJson(), new TypeReference<Map<String, String>>() { });
        List<Map<String, String>> tolerations = definition.tolerationsJson() == null ? List.of()
                : Json.read(definition.tolerationsJson(), new TypeReference<List<Map<String, String>>>() { });
        return new Placement(pool.name(), definition.accelerator(), definition.gpusPerNode(), selector, tolerations,
                definition.namespacePattern());
    }
}
