package io.slipway.pool;

import java.util.Locale;

/** Where a pool's work runs: processes on the Slipway server's machine, or Jobs and Deployments in Kubernetes. */
public enum PoolBackend {
    LOCAL, KUBERNETES;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PoolBackend fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
