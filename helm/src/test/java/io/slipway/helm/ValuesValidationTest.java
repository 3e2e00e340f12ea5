package io.slipway.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.slipway.helm.SlipwayChart.EXTERNAL;
import static io.slipway.helm.SlipwayChart.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values the chart refuses before anything reaches a cluster: what values.schema.json rejects (wrong
 * types, unknown or misspelled keys, values outside an enum) and settings that need one another.
 */
@ExtendWith(FakeKubeApiExtension.class)
class ValuesValidationTest {

    private static final SlipwayChart CHART = SlipwayChart.fromBuild();

    @Test
    void schemaRejectsReplicasThatAreNotANumber() {
        assertThatThrownBy(() -> CHART.render(MINIMAL, Map.of("replicas", "three")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("/replicas");
    }

    @Test
    void schemaRejectsUnknownTopLevelKeys() {
        assertThatThrownBy(() -> CHART.render(MINIMAL, Map.of("replicaCount", 3)))
                .hasMessageContaining("additional properties 'replicaCount' not allowed");
    }

    @Test
    void schemaRejectsMisspelledKeysInsideABlock() {
        assertThatThrownBy(() -> CHART.render(MINIMAL, Map.of("postgresql.enable", false)))
                .hasMessageContaining("additional properties 'enable' not allowed");
    }

    @Test
    void schemaRejectsAnInspectorMemoryInDecimalUnits() {
        // 512M means 512 x 10^6 bytes to Kubernetes but 512 MiB to the JVM: only binary units are accepted
        assertThatThrownBy(() -> CHART.render(MINIMAL, Map.of("inspector.memory", "512M")))
                .hasMessageContaining("/inspector/memory");
    }

    @Test
    void schemaRejectsAnUnknownServiceSessionAffinity() {
        assertThatThrownBy(() -> CHART.render(MINIMAL, Map.of("service.sessionAffinity", "Cookie")))
                .hasMessageContaining("/service/sessionAffinity");
    }

    @Test
    void schemaRejectsAGpuPoolWithoutItsGpusPerNode() {
        assertThatThrownBy(() -> CHART.render(null, Map.of(
                "computePools[0].name", "gpu",
                "computePools[0].accelerator", "nvidia-h100",
                "computePools[0].cpusPerNode", 8,
                "computePools[0].memoryMibPerNode", 65536)))
                .hasMessageContaining("schema")
                .hasMessageContaining("gpusPerNode");
    }

    @Test
    void schemaRejectsGpusOnAPoolWithoutAnAccelerator() {
        assertThatThrownBy(() -> CHART.render(null, Map.of(
                "computePools[0].name", "cpu",
                "computePools[0].gpusPerNode", 2,
                "computePools[0].cpusPerNode", 8,
                "computePools[0].memoryMibPerNode", 65536)))
                .hasMessageContaining("/computePools/0/gpusPerNode");
    }

    @Test
    void schemaRejectsServingOnAKubernetesPool() {
        assertThatThrownBy(() -> CHART.render(null, Map.of(
                "computePools[0].name", "cpu",
                "computePools[0].cpusPerNode", 8,
                "computePools[0].memoryMibPerNode", 65536,
                "computePools[0].purposes[0]", "serving")))
                .hasMessageContaining("/computePools/0/purposes/0");
    }

    @Test
    void strictLintFailsOnValuesTheSchemaRejects(@TempDir Path scratch) {
        LintResult result = CHART.lintStrictWith(SlipwayChart.yaml("replicas: three"), scratch);

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("/replicas").contains("want integer");
    }

    @Test
    void anExternalDatabaseWithoutAHostIsRefusedWithAHint() {
        assertThatThrownBy(() -> CHART.render(EXTERNAL, Map.of("externalDatabase.host", "")))
                .hasMessageContaining("externalDatabase.host is required");
    }

    @Test
    void externalServicesWithoutAnExistingSecretNeedTheirPasswordsInValues() {
        assertThatThrownBy(() -> CHART.render(EXTERNAL, Map.of("existingSecret", "")))
                .hasMessageContaining("externalDatabase.password is required");
    }

    @Test
    void anotherRealmNameNeedsItsOwnRealmJson() {
        assertThatThrownBy(() -> CHART.render(MINIMAL, Map.of("keycloak.realm.name", "acme")))
                .hasMessageContaining("keycloak.realm.name is \"acme\"")
                .hasMessageContaining("keycloak.realm.importJson");
    }

    @Test
    void bundledKeycloakWithoutBundledPostgresqlNeedsItsOwnDatabase() {
        assertThatThrownBy(() -> CHART.render(EXTERNAL, Map.of("keycloak.enabled", true)))
                .hasMessageContaining("keycloak.database.host is required");
    }
}
