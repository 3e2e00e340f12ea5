package io.slipway.compute.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels Slipway puts on what it creates, so it finds its own objects again (after a restart too). */
public final class Labels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String SLIPWAY = "slipway";
    public static final String ORG = "slipway.io/org";
    public static final String PROJECT = "slipway.io/project";
    public static final String RUN = "slipway.io/run";
    public static final String POOL = "slipway.io/pool";
    public static final String DEPLOYMENT = "slipway.io/deployment";
    public static final String KUEUE_QUEUE = "kueue.x-k8s.io/queue-name";

    private Labels() {
    }

    static Map<String, String> owner(String org, String project) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, SLIPWAY);
        if (org != null) {
            labels.put(ORG, org);
        }
        if (project != null) {
            labels.put(PROJECT, project);
        }
        return labels;
    }
}
