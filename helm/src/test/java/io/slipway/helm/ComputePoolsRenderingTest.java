package io.slipway.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.api.Json;
import io.slipway.pool.NewPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static io.slipway.helm.Manifests.container;
import static io.slipway.helm.Manifests.strings;
import static io.slipway.helm.SlipwayChart.FULLNAME;
import static io.slipway.helm.SlipwayChart.GPU_KUEUE;
import static io.slipway.helm.SlipwayChart.MINIMAL;
import static io.slipway.helm.SlipwayChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compute pools the chart seeds into Slipway ({@code slipway-pools.json}, each as {@code POST /api/v1/pools} takes
 * it) and the access its Kubernetes backend gets: Slipway creates the organizations' namespaces and Kueue objects
 * itself, so the chart renders none of them, and its ClusterRole holds exactly the verbs the backend uses.
 */
@ExtendWith(FakeKubeApiExtension.class)
class ComputePoolsRenderingTest {

    private static final SlipwayChart CHART = SlipwayChart.fromBuild();

    @Test
    void poolsAreSeededAsTheApiTakesThem() {
        Manifests manifests = CHART.render(GPU_KUEUE);
        JsonNode pools = manifests.configMapJson(FULLNAME + "-pools", "slipway-pools.json");

        JsonNode gpu = poolNamed(pools, "a100");
        assertThat(fieldNames(gpu)).containsExactlyInAnyOrder("name", "backend", "accelerator", "gpusPerNode", "nodes",
                "cpusPerNode", "memoryMibPerNode", "nodeSelector", "tolerations", "namespacePattern", "purposes");
        assertThat(gpu.path("backend").asText()).isEqualTo("kubernetes");
        assertThat(gpu.path("accelerator").asText()).isEqualTo("nvidia-a100");
        assertThat(gpu.path("gpusPerNode").asInt()).isEqualTo(8);
        assertThat(gpu.path("nodes").asInt()).isEqualTo(2);
        assertThat(gpu.path("cpusPerNode").asDouble()).isEqualTo(96.0);
        assertThat(gpu.path("memoryMibPerNode").isIntegralNumber()).isTrue();
        assertThat(gpu.path("memoryMibPerNode").asLong()).isEqualTo(1_024_000L);
        assertThat(gpu.at("/nodeSelector/nvidia.com~1gpu.product").asText()).isEqualTo("NVIDIA-A100-SXM4-80GB");
        assertThat(gpu.at("/tolerations/0/key").asText()).isEqualTo("nvidia.com/gpu");
        assertThat(gpu.at("/tolerations/0/effect").asText()).isEqualTo("NoSchedule");
        assertThat(gpu.path("namespacePattern").asText()).isEqualTo("ml-{org}");
        assertThat(strings(gpu.path("purposes"))).containsExactly("training");

        for (JsonNode pool : pools.path("pools")) {
            NewPool read = Json.read(pool.toString(), NewPool.class);
            assertThat(read.name()).as("the server reads %s as a pool definition", pool).isNotBlank();
        }
        assertThat(Json.read(gpu.toString(), NewPool.class).tolerations())
                .containsExactly(Map.of("key", "nvidia.com/gpu", "operator", "Exists", "effect", "NoSchedule"));

        JsonNode cpu = poolNamed(pools, "cpu");
        assertThat(cpu.path("accelerator").asText()).isEqualTo("none");
        assertThat(cpu.path("gpusPerNode").asInt()).isZero();
        assertThat(cpu.has("namespacePattern")).as("an empty pattern is left to the server's default").isFalse();
        assertThat(cpu.path("tolerations").isEmpty()).isTrue();
    }

    @Test
    void theServerReadsThePoolsFileAndReportsToItsOwnServiceFromEveryNamespace() {
        Manifests manifests = CHART.render(GPU_KUEUE);
        Map<String, String> config = manifests.configMapData(FULLNAME + "-env");

        JsonNode server = manifests.get("Deployment", FULLNAME);
        assertThat(container(server).path("volumeMounts").findValuesAsText("mountPath")).contains("/etc/slipway/pools");
        assertThat(config)
                .containsEntry("SLIPWAY_POOLS_FILE", "/etc/slipway/pools/slipway-pools.json")
                .containsEntry("SLIPWAY_POOLS_LOCAL_ENABLED", "false")
                .containsEntry("SLIPWAY_KUBERNETES_COHORT", "research")
                .containsEntry("SLIPWAY_KUBERNETES_CALLBACK_URL", "http://" + FULLNAME + "." + NAMESPACE + ".svc:8080")
                .containsEntry("SLIPWAY_S3_ENDPOINT", "http://" + FULLNAME + "-minio." + NAMESPACE + ".svc:9000");
    }

    @Test
    void anEmptyCohortMeansNoBorrowing() {
        Map<String, String> config = CHART.render(GPU_KUEUE, Map.of("kueue.cohort", ""))
                .configMapData(FULLNAME + "-env");

        assertThat(config).containsEntry("SLIPWAY_KUBERNETES_COHORT", "none");
    }

    @Test
    void theComputeRoleGrantsExactlyWhatTheKubernetesBackendDoes() {
        Manifests manifests = CHART.render(GPU_KUEUE);

        JsonNode role = manifests.get("ClusterRole", FULLNAME + "-compute");
        Map<String, Set<String>> verbsByResource = new TreeMap<>();
        for (JsonNode rule : role.path("rules")) {
            for (String group : strings(rule.path("apiGroups"))) {
                for (String resource : strings(rule.path("resources"))) {
                    String key = group.isEmpty() ? resource : group + "/" + resource;
                    verbsByResource.computeIfAbsent(key, k -> new TreeSet<>()).addAll(strings(rule.path("verbs")));
                }
            }
        }
        assertThat(verbsByResource).isEqualTo(Map.of(
                "namespaces", Set.of("get", "create", "update"),
                "kueue.x-k8s.io/resourceflavors", Set.of("get", "create", "update"),
                "kueue.x-k8s.io/clusterqueues", Set.of("get", "create", "update"),
                "kueue.x-k8s.io/localqueues", Set.of("get", "create", "update"),
                "batch/jobs", Set.of("get", "list", "create", "delete"),
                "secrets", Set.of("get", "create", "update", "delete"),
                "pods", Set.of("list"),
                "pods/log", Set.of("get")));

        JsonNode binding = manifests.get("ClusterRoleBinding", FULLNAME + "-compute");
        assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo(FULLNAME + "-compute");
        assertThat(binding.at("/subjects/0/name").asText())
                .isEqualTo(server(manifests).at("/spec/template/spec/serviceAccountName").asText());
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(NAMESPACE);
    }

    @Test
    void slipwayCreatesTheKueueObjectsAndNamespacesItselfSoTheChartRendersNone() {
        Manifests manifests = CHART.render(GPU_KUEUE);

        assertThat(manifests.objects()).noneMatch(o -> o.path("apiVersion").asText().startsWith("kueue.x-k8s.io"));
        assertThat(manifests.ofKind("Namespace")).isEmpty();
    }

    @Test
    void withoutClusterPoolsTheReleaseGetsNoClusterWideAccess() {
        Manifests manifests = CHART.render(MINIMAL);

        assertThat(manifests.ofKind("ClusterRole")).isEmpty();
        assertThat(manifests.ofKind("ClusterRoleBinding")).isEmpty();
        assertThat(manifests.ofKind("Role")).isEmpty();
        assertThat(manifests.configMapJson(FULLNAME + "-pools", "slipway-pools.json").path("pools").isEmpty()).isTrue();
        assertThat(manifests.configMapData(FULLNAME + "-env")).containsEntry("SLIPWAY_POOLS_LOCAL_ENABLED", "true");
    }

    @Test
    void trainingJobsInOrganizationNamespacesMayFetchTheirInputsFromMinio() {
        Manifests manifests = CHART.render(GPU_KUEUE, Map.of("networkPolicy.enabled", true));

        JsonNode from = manifests.get("NetworkPolicy", FULLNAME + "-minio").at("/spec/ingress/0/from");
        List<JsonNode> namespaceSelectors = StreamSupport.stream(from.spliterator(), false)
                .filter(peer -> peer.has("namespaceSelector")).toList();
        assertThat(namespaceSelectors).hasSize(1);
        assertThat(namespaceSelectors.getFirst().at("/namespaceSelector/matchExpressions/0/key").asText())
                .isEqualTo("slipway.io/org");
        assertThat(namespaceSelectors.getFirst().at("/namespaceSelector/matchExpressions/0/operator").asText())
                .isEqualTo("Exists");

        JsonNode withoutPools = CHART.render(MINIMAL, Map.of("networkPolicy.enabled", true))
                .get("NetworkPolicy", FULLNAME + "-minio").at("/spec/ingress/0/from");
        assertThat(withoutPools.findValues("namespaceSelector")).isEmpty();
    }

    @Test
    void aPoolNamedTwiceIsRefused() {
        assertThatThrownBy(() -> CHART.render(GPU_KUEUE, Map.of("computePools[1].name", "cpu")))
                .hasMessageContaining("pool name \"cpu\" appears twice");
    }

    private static JsonNode server(Manifests manifests) {
        return manifests.get("Deployment", FULLNAME);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode poolNamed(JsonNode poolsDocument, String name) {
        return StreamSupport.stream(poolsDocument.path("pools").spliterator(), false)
                .filter(p -> name.equals(p.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pool " + name + " in " + poolsDocument));
    }
}
