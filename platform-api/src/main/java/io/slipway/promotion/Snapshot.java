package io.slipway.promotion;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A version as the gates see it: its number, metrics and params. */
public record Snapshot(int version, Map<String, Double> metrics, Map<String, Object> params) {

    public Snapshot {
        metrics = withoutNulls(metrics);
        params = withoutNulls(params);
    }

    private static <V> Map<String, V> withoutNulls(Map<String, V> values) {
        Map<String, V> copy = new TreeMap<>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (value != null) {
                    copy.put(key, value);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    Map<String, Object> asCel() {
        return Map.of("version", (long) version, "metrics", metrics, "params", params);
    }
}
