package io.slipway.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * The compute pools as Slipway reads them ({@code slipway-pools.json}) and as Kueue admits training
 * Jobs on them: a ResourceFlavor and a ClusterQueue per pool, a LocalQueue per organization and pool.
 */
@ExtendWith(FakeKubeApiExtension.class)
class ComputePoolsRenderingTest {

    private static final SlipwayChart CHART = SlipwayChart.fromBuild();

    @Test
    void gpuPoolIsPublishedToSlipwayWithItsAcceleratorNodeSelectorAndTolerations() {
        Manifests manifests = CHART.render(GPU_KUEUE);
        JsonNode pools = manifests.configMapJson(FULLNAME + "-pools", "slipway-pools.json");

        assertThat(pools.path("namespace").asText()).isEqualTo(NAMESPACE);
        JsonNode gpu = poolNamed(pools, "a100");
        assertThat(gpu.path("accelerator").asText()).isEqualTo("nvidia.com/gpu");
        assertThat(gpu.at("/capacity/accelerators").asInt()).isEqualTo(8);
        assertThat(gpu.at("/nodeSelector/node.slipway.io~1pool").asText()).isEqualTo("a100");
        assertThat(gpu.at("/tolerations/0/key").asText()).isEqualTo("nvidia.com/gpu");
        assertThat(gpu.at("/tolerations/0/effect").asText()).isEqualTo("NoSchedule");
        JsonNode cpu = poolNamed(pools, "cpu");
        assertThat(cpu.path("accelerator").asText()).isEmpty();
        assertThat(cpu.path("tolerations").isEmpty()).isTrue();

        JsonNode server = manifests.get("Deployment", FULLNAME);
        assertThat(container(server).path("volumeMounts").findValuesAsText("mountPath")).contains("/etc/slipway/pools");
    }

    @Test
    void kueueGetsAFlavorAndAClusterQueuePerPool() {
        Manifests manifests = CHART.render(GPU_KUEUE);

        assertThat(manifests.names("ResourceFlavor")).containsExactlyInAnyOrder(FULLNAME + "-cpu", FULLNAME + "-a100");
        assertThat(manifests.names("ClusterQueue")).containsExactlyInAnyOrder(FULLNAME + "-cpu", FULLNAME + "-a100");
        manifests.objects().stream()
                .filter(o -> o.path("apiVersion").asText().startsWith("kueue.x-k8s.io"))
                .forEach(o -> assertThat(o.path("apiVersion").asText()).isEqualTo("kueue.x-k8s.io/v1beta1"));

        JsonNode flavor = manifests.get("ResourceFlavor", FULLNAME + "-a100");
        assertThat(flavor.at("/spec/nodeLabels/nvidia.com~1gpu.product").asText()).isEqualTo("NVIDIA-A100-SXM4-80GB");
        assertThat(flavor.at("/spec/tolerations/0/key").asText()).isEqualTo("nvidia.com/gpu");

        JsonNode queue = manifests.get("ClusterQueue", FULLNAME + "-a100");
        assertThat(strings(queue.at("/spec/resourceGroups/0/coveredResources"))).containsExactly("cpu", "memory", "nvidia.com/gpu");
        JsonNode flavorQuota = queue.at("/spec/resourceGroups/0/flavors/0");
        assertThat(flavorQuota.path("name").asText()).isEqualTo(FULLNAME + "-a100");
        Map<String, String> quota = new TreeMap<>();
        flavorQuota.path("resources").forEach(r -> quota.put(r.path("name").asText(), r.path("nominalQuota").asText()));
        assertThat(quota).containsEntry("nvidia.com/gpu", "8").containsEntry("cpu", "96").containsEntry("memory", "1000Gi");
        assertThat(queue.at("/spec/cohort").asText()).isEqualTo("slipway");
        assertThat(queue.at("/spec/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo(NAMESPACE);

        assertThat(strings(manifests.get("ClusterQueue", FULLNAME + "-cpu").at("/spec/resourceGroups/0/coveredResources")))
                .containsExactly("cpu", "memory");
    }

    @Test
    void everyOrganizationGetsALocalQueueInEachPoolInTheReleaseNamespace() {
        Manifests manifests = CHART.render(GPU_KUEUE);
        JsonNode pools = manifests.configMapJson(FULLNAME + "-pools", "slipway-pools.json");

        Map<String, Set<String>> poolsByOrganization = new TreeMap<>();
        for (JsonNode queue : manifests.ofKind("LocalQueue")) {
            assertThat(queue.at("/metadata/namespace").asText()).isEqualTo(NAMESPACE);
            String organization = queue.at("/metadata/labels/slipway.io~1organization").asText();
            String pool = queue.at("/metadata/labels/slipway.io~1pool").asText();
            poolsByOrganization.computeIfAbsent(organization, o -> new TreeSet<>()).add(pool);
            assertThat(queue.at("/spec/clusterQueue").asText()).isEqualTo(FULLNAME + "-" + pool);
            assertThat(poolNamed(pools, pool).at("/kueue/localQueues/" + organization).asText())
                    .as("slipway-pools.json names LocalQueue %s", queue.at("/metadata/name").asText())
                    .isEqualTo(queue.at("/metadata/name").asText());
        }
        assertThat(poolsByOrganization).isEqualTo(Map.of("acme", Set.of("cpu", "a100"), "globex", Set.of("cpu", "a100")));
        assertThat(manifests.names("LocalQueue")).hasSize(4).contains("acme-a100", "globex-cpu");
    }

    @Test
    void kueueIsOffByDefault() {
        Manifests manifests = CHART.render(MINIMAL);

        assertThat(manifests.ofKind("ResourceFlavor")).isEmpty();
        assertThat(manifests.ofKind("ClusterQueue")).isEmpty();
        assertThat(manifests.ofKind("LocalQueue")).isEmpty();
        assertThat(manifests.configMapJson(FULLNAME + "-pools", "slipway-pools.json").at("/kueue/enabled").asBoolean()).isFalse();
    }

    @Test
    void aLocalQueueNameTooLongForALabelIsRefused() {
        String longOrganization = "o".repeat(60);
        assertThatThrownBy(() -> CHART.render(GPU_KUEUE, Map.of("kueue.organizations[0]", longOrganization)))
                .hasMessageContaining("longer than 63 characters");
    }

    private static JsonNode poolNamed(JsonNode poolsDocument, String name) {
        return StreamSupport.stream(poolsDocument.path("pools").spliterator(), false)
                .filter(p -> name.equals(p.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pool " + name + " in " + poolsDocument));
    }
}
