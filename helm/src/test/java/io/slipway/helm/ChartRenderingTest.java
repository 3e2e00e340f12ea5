package io.slipway.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.slipway.helm.Manifests.container;
import static io.slipway.helm.Manifests.envValues;
import static io.slipway.helm.Manifests.secretData;
import static io.slipway.helm.Manifests.secretRefs;
import static io.slipway.helm.Manifests.selects;
import static io.slipway.helm.Manifests.strings;
import static io.slipway.helm.Manifests.textMap;
import static io.slipway.helm.SlipwayChart.EXTERNAL;
import static io.slipway.helm.SlipwayChart.FULLNAME;
import static io.slipway.helm.SlipwayChart.GPU_KUEUE;
import static io.slipway.helm.SlipwayChart.HA;
import static io.slipway.helm.SlipwayChart.MINIMAL;
import static io.slipway.helm.SlipwayChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints and renders the Slipway chart with each scenario under {@code slipway/ci/} and checks what an
 * operator relies on: which workloads run, how Slipway is configured and reached, where secrets come
 * from, HA and sticky sessions. Compute pools and Kueue: {@link ComputePoolsRenderingTest}; values
 * the chart refuses: {@link ValuesValidationTest}.
 */
@ExtendWith(FakeKubeApiExtension.class)
class ChartRenderingTest {

    private static final SlipwayChart CHART = SlipwayChart.fromBuild();

    /** The environment the Slipway server reads its configuration from. */
    private static final Set<String> SERVER_SETTINGS = Set.of(
            "SLIPWAY_DB_KIND", "SLIPWAY_DB_URL", "SLIPWAY_DB_USER", "SLIPWAY_DB_PASSWORD",
            "SLIPWAY_OIDC_ISSUER", "SLIPWAY_OIDC_JWKS_URI",
            "SLIPWAY_CONSOLE_CLIENT_SECRET", "SLIPWAY_PROVISIONER_CLIENT_SECRET",
            "SLIPWAY_KEYSTORE_PASSWORD", "SLIPWAY_AUDIT_KEY", "SLIPWAY_METRICS_TOKEN",
            "SLIPWAY_KEYCLOAK_URL", "SLIPWAY_PUBLIC_URL",
            "SLIPWAY_S3_ENDPOINT", "SLIPWAY_S3_ACCESS_KEY", "SLIPWAY_S3_SECRET_KEY", "SLIPWAY_S3_REGION",
            "SLIPWAY_ARTIFACTS_MAX_BYTES", "ORT_DISABLE_TELEMETRY",
            "SLIPWAY_INSPECTOR_MEMORY", "SLIPWAY_INSPECTOR_CONCURRENCY", "SLIPWAY_INSPECTOR_TIMEOUT",
            "SLIPWAY_INSPECTOR_DIR",
            "SLIPWAY_POOLS_FILE", "SLIPWAY_POOLS_LOCAL_ENABLED", "SLIPWAY_KUBERNETES_COHORT",
            "SLIPWAY_KUBERNETES_CALLBACK_URL");
    private static final Set<String> SECRET_SETTINGS = Set.of(
            "SLIPWAY_DB_PASSWORD", "SLIPWAY_S3_ACCESS_KEY", "SLIPWAY_S3_SECRET_KEY",
            "SLIPWAY_CONSOLE_CLIENT_SECRET", "SLIPWAY_PROVISIONER_CLIENT_SECRET", "SLIPWAY_KEYSTORE_PASSWORD",
            "SLIPWAY_AUDIT_KEY", "SLIPWAY_METRICS_TOKEN");
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("ClusterRole", "ClusterRoleBinding");

    static List<String> scenarios() {
        return CHART.scenarioFileNames();
    }

    // ------------------------------------------------------------------------------------- lint

    @Test
    void scenarioFilesCoverTheDocumentedDeployments() {
        assertThat(scenarios()).containsExactlyInAnyOrder(MINIMAL, EXTERNAL, GPU_KUEUE, HA);
    }

    @Test
    void chartWithDefaultValuesPassesStrictLint() {
        assertLintPasses(CHART.lintStrict());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyScenarioPassesStrictLint(String scenario, @TempDir Path scratch) {
        assertLintPasses(CHART.lintStrictWith(scenario, scratch));
    }

    // ---------------------------------------------------------------- every scenario is coherent

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyScenarioRendersObjectsThatReferToEachOther(String scenario) {
        Manifests manifests = CHART.render(scenario);
        JsonNode values = CHART.scenarioValues(scenario);
        Set<String> secretsManagedOutsideTheChart = new HashSet<>();
        secretsManagedOutsideTheChart.add(values.path("existingSecret").asText(""));
        secretsManagedOutsideTheChart.add(values.at("/keycloak/existingSecret").asText(""));

        Set<String> seen = new HashSet<>();
        for (JsonNode object : manifests.objects()) {
            String kind = object.path("kind").asText();
            String name = object.at("/metadata/name").asText();
            assertThat(object.path("apiVersion").asText()).as("apiVersion of %s", name).isNotBlank();
            assertThat(name).as("name of a %s", kind).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            assertThat(seen.add(kind + "/" + name)).as("%s %s rendered twice", kind, name).isTrue();
            if (!CLUSTER_SCOPED_KINDS.contains(kind)) {
                assertThat(object.at("/metadata/namespace").asText()).as("namespace of %s %s", kind, name).isEqualTo(NAMESPACE);
            }
        }

        List<JsonNode> workloads = new ArrayList<>(manifests.ofKind("Deployment"));
        workloads.addAll(manifests.ofKind("StatefulSet"));
        for (JsonNode workload : workloads) {
            JsonNode podLabels = workload.at("/spec/template/metadata/labels");
            assertThat(selects(workload.at("/spec/selector/matchLabels"), podLabels))
                    .as("%s selects its own pods", workload.at("/metadata/name").asText()).isTrue();
            for (JsonNode ref : workload.findValues("secretKeyRef")) {
                String secret = ref.path("name").asText();
                assertThat(manifests.find("Secret", secret).isPresent() || secretsManagedOutsideTheChart.contains(secret))
                        .as("%s refers to Secret %s", workload.at("/metadata/name").asText(), secret).isTrue();
                manifests.find("Secret", secret).ifPresent(s ->
                        assertThat(s.path("data").has(ref.path("key").asText())).as("Secret %s has key %s", secret, ref.path("key")).isTrue());
            }
            for (JsonNode ref : workload.findValues("configMapRef")) {
                manifests.get("ConfigMap", ref.path("name").asText());
            }
            for (JsonNode volume : workload.at("/spec/template/spec/volumes")) {
                if (volume.has("configMap")) {
                    manifests.get("ConfigMap", volume.at("/configMap/name").asText());
                }
            }
            String serviceAccount = workload.at("/spec/template/spec/serviceAccountName").asText("");
            if (!serviceAccount.isEmpty()) {
                manifests.get("ServiceAccount", serviceAccount);
            }
        }
        for (JsonNode service : manifests.ofKind("Service")) {
            assertThat(workloads).as("pods behind Service %s", service.at("/metadata/name").asText())
                    .anySatisfy(w -> assertThat(selects(service.at("/spec/selector"), w.at("/spec/template/metadata/labels"))).isTrue());
        }
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            for (JsonNode backend : ingress.findValues("service")) {
                manifests.get("Service", backend.path("name").asText());
            }
        }
    }

    // ---------------------------------------------------------------------------- minimal (bundled)

    @Test
    void minimalScenarioBundlesPostgresqlMinioAndKeycloak() {
        Manifests manifests = CHART.render(MINIMAL);

        JsonNode postgresql = manifests.get("StatefulSet", FULLNAME + "-postgresql");
        assertThat(container(postgresql).path("image").asText()).startsWith("docker.io/library/postgres:");
        assertThat(postgresql.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("20Gi");
        manifests.get("Service", FULLNAME + "-postgresql");

        JsonNode minio = manifests.get("StatefulSet", FULLNAME + "-minio");
        assertThat(container(minio).path("image").asText()).startsWith("quay.io/minio/minio:");
        assertThat(minio.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("100Gi");
        manifests.get("Service", FULLNAME + "-minio");

        JsonNode keycloak = manifests.get("Deployment", FULLNAME + "-keycloak");
        assertThat(container(keycloak).path("image").asText()).isEqualTo("quay.io/keycloak/keycloak:26.4.5");
        assertThat(strings(container(keycloak).path("args"))).containsExactly("start", "--import-realm");
        assertThat(envValues(container(keycloak)))
                .containsEntry("KC_DB", "postgres")
                .containsEntry("KC_DB_URL", "jdbc:postgresql://" + FULLNAME + "-postgresql:5432/keycloak")
                .containsEntry("KC_HOSTNAME", "http://localhost:8180");
        assertThat(manifests.configMapData(FULLNAME + "-postgresql-init")).containsKey("10-keycloak-database.sh");
    }

    @Test
    void slipwayServerGetsEachSettingFromTheConfigMapOrTheSecret() {
        Manifests manifests = CHART.render(MINIMAL);
        JsonNode server = container(manifests.get("Deployment", FULLNAME));
        Map<String, String> config = manifests.configMapData(FULLNAME + "-env");

        assertThat(server.findValues("configMapRef").stream().map(r -> r.path("name").asText()).toList())
                .containsExactly(FULLNAME + "-env");
        Map<String, String> secretRefs = secretRefs(server);
        assertThat(secretRefs.keySet()).isEqualTo(new TreeSet<>(SECRET_SETTINGS));
        assertThat(new HashSet<>(secretRefs.values())).containsExactly(FULLNAME);
        assertThat(server.findValues("secretKeyRef").stream()
                .filter(ref -> ref.path("key").asText().equals("SLIPWAY_METRICS_TOKEN"))
                .map(ref -> ref.path("optional").asBoolean()).toList())
                .as("an existing Secret without the metrics token leaves /metrics shut, the pod still starts")
                .containsExactly(true);
        Set<String> all = new TreeSet<>(config.keySet());
        all.addAll(secretRefs.keySet());
        assertThat(all).isEqualTo(new TreeSet<>(SERVER_SETTINGS));

        assertThat(config)
                .containsEntry("SLIPWAY_DB_URL", "jdbc:postgresql://" + FULLNAME + "-postgresql:5432/slipway")
                .containsEntry("SLIPWAY_DB_USER", "slipway")
                .containsEntry("SLIPWAY_S3_ENDPOINT", "http://" + FULLNAME + "-minio." + NAMESPACE + ".svc:9000")
                .containsEntry("SLIPWAY_S3_REGION", "us-east-1")
                .containsEntry("SLIPWAY_KEYCLOAK_URL", "http://" + FULLNAME + "-keycloak." + NAMESPACE + ".svc:8080")
                .containsEntry("SLIPWAY_OIDC_ISSUER", "http://localhost:8180/realms/slipway")
                .containsEntry("SLIPWAY_OIDC_JWKS_URI",
                        "http://" + FULLNAME + "-keycloak." + NAMESPACE + ".svc:8080/realms/slipway/protocol/openid-connect/certs")
                .containsEntry("SLIPWAY_PUBLIC_URL", "http://localhost:8080")
                .containsEntry("SLIPWAY_ARTIFACTS_MAX_BYTES", "5368709120")
                .containsEntry("SLIPWAY_INSPECTOR_MEMORY", "512Mi")
                .containsEntry("SLIPWAY_INSPECTOR_CONCURRENCY", "2")
                .containsEntry("SLIPWAY_INSPECTOR_TIMEOUT", "PT60S")
                .containsEntry("SLIPWAY_INSPECTOR_DIR", "/tmp/slipway-inspector");
        assertThat(secretData(manifests.get("Secret", FULLNAME))).containsEntry("SLIPWAY_S3_ACCESS_KEY", "slipway");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theModelInspectorsFitInThePodsMemoryLimitBesideTheServer(String scenario) {
        Manifests manifests = CHART.render(scenario);
        JsonNode server = container(manifests.get("Deployment", FULLNAME));
        Map<String, String> config = manifests.configMapData(FULLNAME + "-env");
        long serverJvm = 1L << 30;

        long inspectors = Long.parseLong(config.get("SLIPWAY_INSPECTOR_CONCURRENCY"))
                * binaryBytes(config.get("SLIPWAY_INSPECTOR_MEMORY"));

        assertThat(binaryBytes(server.at("/resources/limits/memory").asText()))
                .as("the pod's memory limit, for the server (1 GiB) and %s of inspectors", inspectors)
                .isGreaterThanOrEqualTo(serverJvm + inspectors);
        assertThat(config.get("SLIPWAY_INSPECTOR_DIR")).as("on the /tmp emptyDir").startsWith("/tmp/");
        assertThat(server.findValues("mountPath").stream().map(JsonNode::asText).toList()).contains("/tmp");
    }

    private static long binaryBytes(String quantity) {
        for (Map.Entry<String, Integer> unit : Map.of("Ki", 10, "Mi", 20, "Gi", 30).entrySet()) {
            if (quantity.endsWith(unit.getKey())) {
                return Long.parseLong(quantity.substring(0, quantity.length() - 2)) << unit.getValue();
            }
        }
        return Long.parseLong(quantity);
    }

    @Test
    void slipwayPodsServeOnPort8080AndAreProbedOnTheHealthEndpoints() {
        JsonNode server = container(CHART.render(MINIMAL).get("Deployment", FULLNAME));

        assertThat(server.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(server.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(server.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(server.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(server.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(server.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
    }

    @Test
    void keycloakImportsSlipwaysCanonicalRealmTemplateUnchanged() {
        Manifests manifests = CHART.render(MINIMAL);
        JsonNode realm = manifests.configMapJson(FULLNAME + "-keycloak-realm", "slipway-realm.json");

        assertThat(realm).as("the rendered realm is files/slipway-realm.json").isEqualTo(RealmTemplateCopyTest.canonicalRealm());
        assertThat(realm.path("realm").asText()).isEqualTo("slipway");
        JsonNode apiScope = named(realm.path("clientScopes"), "name", "slipway-api");
        JsonNode audience = named(apiScope.path("protocolMappers"), "protocolMapper", "oidc-audience-mapper");
        assertThat(audience.at("/config/included.custom.audience").asText()).isEqualTo("slipway-api");
        JsonNode groups = named(apiScope.path("protocolMappers"), "protocolMapper", "oidc-usermodel-realm-role-mapper");
        assertThat(groups.at("/config/claim.name").asText()).isEqualTo("groups");
        assertThat(strings(realm.path("defaultDefaultClientScopes"))).contains("slipway-api");
        assertThat(realm.path("clients").findValuesAsText("clientId"))
                .containsExactlyInAnyOrder("slipway-console", "slipway-cli", "slipway-provisioner");
    }

    @Test
    void realmImportCarriesPlaceholdersThatKeycloaksEnvironmentFills() {
        Manifests manifests = CHART.render(MINIMAL);
        JsonNode realm = manifests.configMapJson(FULLNAME + "-keycloak-realm", "slipway-realm.json");
        JsonNode console = named(realm.path("clients"), "clientId", "slipway-console");
        JsonNode provisioner = named(realm.path("clients"), "clientId", "slipway-provisioner");

        assertThat(console.path("secret").asText()).as("no default secret").isEqualTo("${SLIPWAY_CONSOLE_CLIENT_SECRET}");
        assertThat(provisioner.path("secret").asText()).as("no default secret").isEqualTo("${SLIPWAY_PROVISIONER_CLIENT_SECRET}");
        assertThat(strings(console.path("redirectUris"))).containsExactly("${SLIPWAY_CONSOLE_URL}/signin/callback");
        assertThat(provisioner.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(manifests.configMapData(FULLNAME + "-keycloak-realm").get("slipway-realm.json"))
                .as("no secret value in the ConfigMap")
                .doesNotContain(secretData(manifests.get("Secret", FULLNAME)).get("SLIPWAY_CONSOLE_CLIENT_SECRET"))
                .doesNotContain(secretData(manifests.get("Secret", FULLNAME)).get("SLIPWAY_PROVISIONER_CLIENT_SECRET"));

        JsonNode keycloak = container(manifests.get("Deployment", FULLNAME + "-keycloak"));
        assertThat(envValues(keycloak)).containsEntry("SLIPWAY_CONSOLE_URL", "http://localhost:8080");
        Map<String, String> serverSecretRefs = secretRefs(container(manifests.get("Deployment", FULLNAME)));
        assertThat(secretRefs(keycloak)).as("Keycloak reads the client secrets from the Secret the Slipway pods read")
                .containsEntry("SLIPWAY_CONSOLE_CLIENT_SECRET", serverSecretRefs.get("SLIPWAY_CONSOLE_CLIENT_SECRET"))
                .containsEntry("SLIPWAY_PROVISIONER_CLIENT_SECRET", serverSecretRefs.get("SLIPWAY_PROVISIONER_CLIENT_SECRET"))
                .containsEntry("SLIPWAY_CONSOLE_CLIENT_SECRET", FULLNAME);
    }

    @Test
    void keycloakTakesTheClientSecretsFromAnExistingSecret() {
        Manifests manifests = CHART.render(MINIMAL, Map.of("existingSecret", "my-slipway-secrets"));

        assertThat(secretRefs(container(manifests.get("Deployment", FULLNAME + "-keycloak"))))
                .containsEntry("SLIPWAY_CONSOLE_CLIENT_SECRET", "my-slipway-secrets")
                .containsEntry("SLIPWAY_PROVISIONER_CLIENT_SECRET", "my-slipway-secrets");
    }

    @Test
    void importJsonReplacesTheRealmTemplate(@TempDir Path scratch) throws Exception {
        Path values = scratch.resolve("realm-values.yaml");
        Files.writeString(values, """
                keycloak:
                  realm:
                    name: ours
                    importJson: |
                      {"realm": "ours", "enabled": true}
                """);
        Manifests manifests = CHART.render(MINIMAL, values);

        JsonNode realm = manifests.configMapJson(FULLNAME + "-keycloak-realm", "ours-realm.json");
        assertThat(realm.path("realm").asText()).isEqualTo("ours");
        assertThat(realm.has("clients")).isFalse();
        assertThat(manifests.configMapData(FULLNAME + "-env")).containsEntry("SLIPWAY_OIDC_ISSUER", "http://localhost:8180/realms/ours");
    }

    @Test
    void generatedPasswordsAreRandomOnInstallAndKeptOnUpgrade(FakeKubeApi kubeApi) {
        Map<String, String> firstInstall = secretData(CHART.render(MINIMAL).get("Secret", FULLNAME));
        assertThat(firstInstall.get("SLIPWAY_DB_PASSWORD")).matches("[A-Za-z0-9]{32}");
        assertThat(firstInstall.get("SLIPWAY_S3_SECRET_KEY")).matches("[A-Za-z0-9]{32}");

        kubeApi.putSecret(NAMESPACE, FULLNAME, firstInstall);
        kubeApi.putSecret(NAMESPACE, FULLNAME + "-keycloak", Map.of("KC_DB_PASSWORD", "kept-kc-db", "KC_BOOTSTRAP_ADMIN_PASSWORD", "kept-admin"));
        Manifests upgrade = CHART.render(MINIMAL);

        assertThat(secretData(upgrade.get("Secret", FULLNAME))).isEqualTo(firstInstall);
        assertThat(secretData(upgrade.get("Secret", FULLNAME + "-keycloak")))
                .containsEntry("KC_DB_PASSWORD", "kept-kc-db")
                .containsEntry("KC_BOOTSTRAP_ADMIN_PASSWORD", "kept-admin");
    }

    @Test
    void withoutPublicUrlOrIngressSlipwayAndKeycloakNameThemselvesByTheirServices() {
        Map<String, String> config = CHART.render(null).configMapData(FULLNAME + "-env");

        assertThat(config)
                .containsEntry("SLIPWAY_PUBLIC_URL", "http://" + FULLNAME + "." + NAMESPACE + ".svc:8080")
                .containsEntry("SLIPWAY_OIDC_ISSUER", "http://" + FULLNAME + "-keycloak." + NAMESPACE + ".svc:8080/realms/slipway");
    }

    @Test
    void installNotesTellHowToReachTheConsoleAndKeycloak() {
        String notes = CHART.installNotes(MINIMAL);

        assertThat(notes)
                .contains("Console and API: http://localhost:8080")
                .contains("port-forward svc/" + FULLNAME + " 8080:8080")
                .contains("port-forward svc/" + FULLNAME + "-keycloak 8180:8080")
                .contains("KC_BOOTSTRAP_ADMIN_PASSWORD")
                .doesNotContain("WARNING");
    }

    @Test
    void installNotesWarnWhenBrowsersCannotReachKeycloak() {
        assertThat(CHART.installNotes(GPU_KUEUE))
                .contains("WARNING: keycloak.hostname is empty")
                .contains("Compute pools on the cluster (defined at start when new; Kueue must be installed): cpu,"
                        + " a100 (2 x 8 nvidia-a100)")
                .contains("ClusterQueue slipway-<org> (cohort research)")
                .doesNotContain("Local pools");
    }

    @Test
    void aSingleReplicaGetsNoDisruptionBudget() {
        assertThat(CHART.render(MINIMAL).ofKind("PodDisruptionBudget")).isEmpty();
    }

    @Test
    void changingTheConfigurationRollsTheSlipwayPods() {
        String before = CHART.render(MINIMAL).get("Deployment", FULLNAME)
                .at("/spec/template/metadata/annotations/checksum~1config").asText();
        String after = CHART.render(MINIMAL, Map.of("maxArtifactBytes", 1024)).get("Deployment", FULLNAME)
                .at("/spec/template/metadata/annotations/checksum~1config").asText();

        assertThat(before).isNotBlank().isNotEqualTo(after);
    }

    // ------------------------------------------------------------------------ external services

    @Test
    void externalScenarioRunsNoDatabaseObjectStoreOrKeycloak() {
        Manifests manifests = CHART.render(EXTERNAL);

        assertThat(manifests.ofKind("StatefulSet")).isEmpty();
        assertThat(manifests.workloadsOfComponent("postgresql")).isEmpty();
        assertThat(manifests.workloadsOfComponent("minio")).isEmpty();
        assertThat(manifests.workloadsOfComponent("keycloak")).isEmpty();
        assertThat(manifests.names("Deployment")).containsExactly(FULLNAME);
        assertThat(manifests.names("Service")).containsExactly(FULLNAME);
        assertThat(manifests.ofKind("Secret")).as("credentials come from existingSecret").isEmpty();
    }

    @Test
    void externalScenarioTakesEverySecretFromTheExistingSecret() {
        JsonNode server = container(CHART.render(EXTERNAL).get("Deployment", FULLNAME));

        Map<String, String> refs = secretRefs(server);
        assertThat(refs.keySet()).isEqualTo(new TreeSet<>(SECRET_SETTINGS));
        assertThat(new HashSet<>(refs.values())).containsExactly("slipway-credentials");
    }

    @Test
    void externalScenarioPointsSlipwayAtTheManagedServices() {
        Map<String, String> config = CHART.render(EXTERNAL).configMapData(FULLNAME + "-env");

        assertThat(config)
                .containsEntry("SLIPWAY_DB_URL",
                        "jdbc:postgresql://slipway.cluster-abc123.eu-west-1.rds.amazonaws.com:5432/slipway?sslmode=require")
                .containsEntry("SLIPWAY_DB_USER", "slipway_app")
                .containsEntry("SLIPWAY_S3_ENDPOINT", "https://s3.eu-west-1.amazonaws.com")
                .containsEntry("SLIPWAY_S3_REGION", "eu-west-1")
                .containsEntry("SLIPWAY_KEYCLOAK_URL", "https://keycloak.example.com")
                .containsEntry("SLIPWAY_OIDC_ISSUER", "https://keycloak.example.com/realms/slipway")
                .containsEntry("SLIPWAY_OIDC_JWKS_URI", "https://keycloak.example.com/realms/slipway/protocol/openid-connect/certs")
                .containsEntry("SLIPWAY_PUBLIC_URL", "https://ml.example.com");
    }

    // ------------------------------------------------------------------------------------ HA

    @Test
    void haScenarioRunsThreeReplicasProtectedByADisruptionBudget() {
        Manifests manifests = CHART.render(HA);
        JsonNode server = manifests.get("Deployment", FULLNAME);

        assertThat(server.at("/spec/replicas").asInt()).isEqualTo(3);
        JsonNode budget = manifests.get("PodDisruptionBudget", FULLNAME);
        assertThat(budget.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(selects(budget.at("/spec/selector/matchLabels"), server.at("/spec/template/metadata/labels"))).isTrue();
        assertThat(manifests.workloadsOfComponent("postgresql"))
                .noneSatisfy(w -> assertThat(selects(budget.at("/spec/selector/matchLabels"), w.at("/spec/template/metadata/labels"))).isTrue());
        assertThat(server.at("/spec/template/spec/topologySpreadConstraints/0/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
    }

    @Test
    void haScenarioKeepsConsoleSessionsStickyAtTheIngressAndTheService() {
        Manifests manifests = CHART.render(HA);
        JsonNode ingress = manifests.get("Ingress", FULLNAME);

        Map<String, String> annotations = textMap(ingress.at("/metadata/annotations"));
        assertThat(annotations)
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/affinity-mode", "persistent")
                .containsEntry("nginx.ingress.kubernetes.io/session-cookie-name", "SLIPWAY_ROUTE");
        assertThat(annotations.get("nginx.ingress.kubernetes.io/proxy-body-size"))
                .as("uploads are limited by maxArtifactBytes, not by nginx").isEqualTo("0");
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("ml.example.com");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("slipway-tls");

        JsonNode service = manifests.get("Service", FULLNAME);
        assertThat(service.at("/spec/sessionAffinity").asText()).isEqualTo("ClientIP");
        assertThat(service.at("/spec/sessionAffinityConfig/clientIP/timeoutSeconds").asInt()).isPositive();

        assertThat(manifests.configMapData(FULLNAME + "-env")).containsEntry("SLIPWAY_PUBLIC_URL", "https://ml.example.com");
    }

    @Test
    void haScenarioPublishesKeycloakAtItsHostnameWhichIssuesTheTokens() {
        Manifests manifests = CHART.render(HA);
        JsonNode ingress = manifests.get("Ingress", FULLNAME + "-keycloak");

        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("login.example.com");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("login-tls");
        assertThat(manifests.configMapData(FULLNAME + "-env"))
                .containsEntry("SLIPWAY_OIDC_ISSUER", "https://login.example.com/realms/slipway");
        assertThat(envValues(container(manifests.get("Deployment", FULLNAME + "-keycloak"))))
                .containsEntry("KC_HOSTNAME", "https://login.example.com");
    }

    @Test
    void networkPoliciesLetOnlySlipwayReachPostgresqlAndMinio() {
        Manifests manifests = CHART.render(HA);

        JsonNode database = manifests.get("NetworkPolicy", FULLNAME + "-postgresql");
        assertThat(database.at("/spec/podSelector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo("postgresql");
        assertThat(componentsAllowedIn(database)).containsExactlyInAnyOrder("server", "keycloak");
        assertThat(database.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(5432);

        JsonNode objectStore = manifests.get("NetworkPolicy", FULLNAME + "-minio");
        assertThat(objectStore.at("/spec/podSelector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo("minio");
        assertThat(componentsAllowedIn(objectStore)).containsExactly("server");
        assertThat(objectStore.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(9000);
    }

    // --------------------------------------------------------------------------------- helpers

    static void assertLintPasses(LintResult result) {
        assertThat(result.isFailed()).as("lint failed:%n%s", String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    /** The element of an array of objects whose {@code field} is {@code value}. */
    private static JsonNode named(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static List<String> componentsAllowedIn(JsonNode policy) {
        return policy.at("/spec/ingress/0/from").findValuesAsText("app.kubernetes.io/component");
    }
}
