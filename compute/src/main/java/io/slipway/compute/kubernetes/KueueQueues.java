package io.slipway.compute.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.slipway.compute.Quota;
import io.slipway.compute.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kueue's objects for Slipway's pools and quotas: a ResourceFlavor per pool (its node labels and tolerations), a
 * ClusterQueue per organization ({@code slipway-<org>}: per pool flavor, nominal quotas of CPU, memory, GPUs and
 * pods (one pod per run: the concurrent-run quota), in a cohort so idle quota can be borrowed), and per pool a
 * LocalQueue ({@code <org>-<pool>}) in the organization's namespace, which the namespace itself is labelled for.
 */
public final class KueueQueues {

    public static final String API_VERSION = "kueue.x-k8s.io/v1beta1";
    public static final ResourceDefinitionContext RESOURCE_FLAVOR = context("ResourceFlavor", "resourceflavors", false);
    public static final ResourceDefinitionContext CLUSTER_QUEUE = context("ClusterQueue", "clusterqueues", false);
    public static final ResourceDefinitionContext LOCAL_QUEUE = context("LocalQueue", "localqueues", true);
    /** Pods a pool's node holds when no concurrent-run quota says otherwise (Kubernetes' default per node). */
    static final int PODS_PER_NODE = 110;

    /** One pool of an organization's ClusterQueue: where it places, what the pool has, the organization's quota. */
    public record PoolShare(Placement placement, Resources capacity, int nodes, Quota quota) {
    }

    private KueueQueues() {
    }

    public static GenericKubernetesResource resourceFlavor(Placement placement) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!placement.nodeSelector().isEmpty()) {
            spec.put("nodeLabels", placement.nodeSelector());
        }
        if (!placement.tolerations().isEmpty()) {
            spec.put("tolerations", placement.tolerations());
        }
        return resource("ResourceFlavor", placement.pool(), null, Labels.owner(null, null), spec);
    }

    public static String clusterQueueName(String org) {
        return "slipway-" + org;
    }

    public static GenericKubernetesResource clusterQueue(String org, List<PoolShare> pools, String cohort) {
        List<Map<String, Object>> flavors = new ArrayList<>();
        for (PoolShare pool : pools) {
            int gpus = pool.quota().maxGpus().orElse(pool.capacity().gpus());
            int pods = pool.quota().maxConcurrentRuns().orElse(pool.nodes() * PODS_PER_NODE);
            flavors.add(Map.of("name", pool.placement().pool(), "resources", List.of(
                    quota("cpu", pool.capacity().cpuMillis() + "m"),
                    quota("memory", pool.capacity().memoryMib() + "Mi"),
                    quota(Placement.GPU_RESOURCE, Integer.toString(gpus)),
                    quota("pods", Integer.toString(pods)))));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("namespaceSelector", Map.of("matchLabels", Map.of(Labels.ORG, org)));
        spec.put("queueingStrategy", "BestEffortFIFO");
        if (cohort != null && !cohort.isBlank()) {
            spec.put("cohort", cohort);
        }
        spec.put("resourceGroups", List.of(Map.of(
                "coveredResources", List.of("cpu", "memory", Placement.GPU_RESOURCE, "pods"),
                "flavors", flavors)));
        return resource("ClusterQueue", clusterQueueName(org), null, Labels.owner(org, null), spec);
    }

    public static GenericKubernetesResource localQueue(String org, Placement placement) {
        return resource("LocalQueue", placement.localQueueOf(org), placement.namespaceOf(org),
                Labels.owner(org, null), Map.of("clusterQueue", clusterQueueName(org)));
    }

    /** The organization's namespace, labelled so its ClusterQueue admits only its workloads. */
    public static Namespace namespace(String org, Placement placement) {
        return new NamespaceBuilder().withNewMetadata().withName(placement.namespaceOf(org))
                .withLabels(Labels.owner(org, null)).endMetadata().build();
    }

    private static Map<String, Object> quota(String resource, String nominal) {
        return Map.of("name", resource, "nominalQuota", nominal);
    }

    private static GenericKubernetesResource resource(String kind, String name, String namespace,
                                                      Map<String, String> labels, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind(kind)
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build();
    }

    private static ResourceDefinitionContext context(String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup("kueue.x-k8s.io").withVersion("v1beta1")
                .withKind(kind).withPlural(plural).withNamespaced(namespaced).build();
    }
}
