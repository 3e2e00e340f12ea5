package io.slipway.compute.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.slipway.compute.Quota;
import io.slipway.compute.Resources;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kubernetes backend against fabric8's mock API server in CRUD mode: what it creates, and what it reads back. */
class KubernetesBackendTest {

    private static final Placement H100 = new Placement("h100", "nvidia-h100", 8, Map.of("slipway.io/pool", "h100"),
            List.of(Map.of("key", "nvidia.com/gpu", "operator", "Exists", "effect", "NoSchedule")), "tenant-{org}");
    private static final Placement CPU = new Placement("cpu", "none", 0, Map.of(), List.of(), null);

    private KubernetesMockServer server;
    private KubernetesClient client;
    private KubernetesBackend backend;

    @BeforeEach
    void aMockCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        backend = new KubernetesBackend(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static RunJob gpuRun(UUID id) {
        return new RunJob(id, "acme", "fraud", 7, "registry.example/train:1.4", List.of("python", "train.py"),
                List.of("--epochs", "3"), Map.of("SLIPWAY_URL", "http://slipway:8080", "LR", "0.01"), "slrt_secret",
                new Resources(8000, 65536, 2), Duration.ofHours(2),
                List.of(new RunJob.StagedInput("transactions-v3", java.net.URI.create("http://s3.example/b/k?X-Amz-Signature=abc"))),
                null, null);
    }

    @Test
    void aGpuRunBecomesASuspendedJobInItsOrganizationsNamespaceOnThePoolsNodes() {
        UUID id = UUID.randomUUID();
        backend.submit(gpuRun(id), H100);

        Job job = client.batch().v1().jobs().inNamespace("tenant-acme").withName("slipway-run-" + id).get();
        assertThat(job).isNotNull();
        assertThat(job.getMetadata().getLabels()).containsEntry("kueue.x-k8s.io/queue-name", "acme-h100")
                .containsEntry(Labels.ORG, "acme").containsEntry(Labels.PROJECT, "fraud")
                .containsEntry(Labels.RUN, id.toString()).containsEntry(Labels.MANAGED_BY, "slipway");
        assertThat(job.getSpec().getSuspend()).as("Kueue admits it").isTrue();
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(7200);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(Manifests.TTL_AFTER_FINISHED_SECONDS);
        var pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getNodeSelector()).containsEntry("slipway.io/pool", "h100");
        assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
            assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
            assertThat(t.getOperator()).isEqualTo("Exists");
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
        });
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        var container = pod.getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo("registry.example/train:1.4");
        assertThat(container.getCommand()).containsExactly("python", "train.py");
        assertThat(container.getArgs()).containsExactly("--epochs", "3");
        assertThat(container.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("2"))
                .containsEntry("memory", new Quantity("65536Mi"));
        assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("8000m"))
                .containsEntry("nvidia.com/gpu", new Quantity("2"));
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("SLIPWAY_RUN_TOKEN");
            assertThat(env.getValue()).as("the token is not in the Job's spec").isNull();
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("slipway-run-" + id);
        });
        assertThat(container.getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("LR=0.01", "SLIPWAY_RUN_ID=" + id, "SLIPWAY_OUTPUT_DIR=/slipway/output");
        var secret = client.secrets().inNamespace("tenant-acme").withName("slipway-run-" + id).get();
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("Job"));
        var fetch = pod.getInitContainers();
        assertThat(fetch).as("an init container downloads the inputs").singleElement().satisfies(init -> {
            assertThat(init.getImage()).isEqualTo(RunJob.DEFAULT_FETCH_IMAGE);
            assertThat(String.join(" ", init.getCommand())).contains("-o '/slipway/input/transactions-v3'")
                    .doesNotContain("X-Amz-Signature");
            assertThat(init.getEnv()).singleElement().satisfies(env -> assertThat(env.getValueFrom()
                    .getSecretKeyRef().getKey()).isEqualTo("input-0-url"));
        });
        String inputUrl = secret.getStringData() != null && secret.getStringData().containsKey("input-0-url")
                ? secret.getStringData().get("input-0-url")
                : new String(java.util.Base64.getDecoder().decode(secret.getData().get("input-0-url")));
        assertThat(inputUrl)
                .as("the presigned URL is in the Secret").contains("X-Amz-Signature=abc");
    }

    @Test
    void aRunsCodeBundleIsUnpackedByTheInitContainerIntoItsWorkingDirectory() {
        UUID id = UUID.randomUUID();
        RunJob plain = gpuRun(id);
        RunJob bundled = new RunJob(id, plain.org(), plain.project(), plain.number(), plain.image(), plain.command(),
                plain.args(), plain.env(), plain.token(), plain.request(), plain.timeout(), List.of(), null,
                new RunJob.StagedBundle(java.net.URI.create("http://s3.example/b/sha256/ab?X-Amz-Signature=def"),
                        "tar.gz"));

        var job = Manifests.job(bundled, H100);
        var secret = Manifests.tokenSecret(bundled, H100);

        var pod = job.getSpec().getTemplate().getSpec();
        var run = pod.getContainers().getFirst();
        assertThat(run.getWorkingDir()).isEqualTo("/slipway/code");
        assertThat(run.getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("SLIPWAY_CODE_DIR=/slipway/code");
        assertThat(run.getVolumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath())
                .contains("code:/slipway/code");
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).contains("code");
        assertThat(pod.getInitContainers()).as("no inputs, but a bundle: still fetched").singleElement()
                .satisfies(init -> {
                    assertThat(String.join(" ", init.getCommand())).contains("\"$SLIPWAY_CODE_BUNDLE_URL\"",
                            "tar -xzf '/slipway/code/.slipway-bundle' -C '/slipway/code'").doesNotContain("X-Amz");
                    assertThat(init.getVolumeMounts()).extracting(m -> m.getMountPath()).contains("/slipway/code");
                });
        assertThat(secret.getStringData()).containsEntry("code-bundle-url",
                "http://s3.example/b/sha256/ab?X-Amz-Signature=def");
    }

    @Test
    void aServingDeploymentIsADeploymentOfTheReplicaWithTheSamePlacement() {
        ReplicaSpec replica = new ReplicaSpec("acme", "fraud", "scorer", 3, "registry.example/slipway:0.1", 2,
                Map.of("SLIPWAY_REPLICA_DEPLOYMENT", "scorer", "SLIPWAY_REPLICA_VERSION", "3"),
                new Resources(2000, 4096, 1));
        backend.deploy(replica, H100);

        Deployment deployment = client.apps().deployments().inNamespace("tenant-acme").withName(replica.name()).get();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsEntry(Labels.DEPLOYMENT, "scorer");
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getNodeSelector()).containsEntry("slipway.io/pool", "h100");
        assertThat(pod.getTolerations()).hasSize(1);
        var container = pod.getContainers().getFirst();
        assertThat(container.getCommand()).containsExactlyElementsOf(Manifests.REPLICA_COMMAND);
        assertThat(container.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/ready");
        assertThat(container.getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("SLIPWAY_REPLICA_VERSION=3", "SLIPWAY_REPLICA_PORT=8081");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    }

    @Test
    void kueueGetsAFlavorPerPoolAndAQueuePerOrganizationWithItsQuota() {
        Quota acmeQuota = new Quota(OptionalInt.of(4), OptionalInt.of(2), OptionalDouble.empty());
        backend.syncQueues("acme", List.of(new KueueQueues.PoolShare(H100, new Resources(192000, 2097152, 16), 2,
                acmeQuota), new KueueQueues.PoolShare(CPU, new Resources(32000, 131072, 0), 4, Quota.NONE)), "slipway");
        backend.syncQueues("globex", List.of(new KueueQueues.PoolShare(H100, new Resources(192000, 2097152, 16), 2,
                Quota.NONE)), "slipway");

        List<GenericKubernetesResource> flavors = client.genericKubernetesResources(KueueQueues.RESOURCE_FLAVOR)
                .list().getItems();
        assertThat(flavors).extracting(f -> f.getMetadata().getName()).containsExactlyInAnyOrder("h100", "cpu");
        GenericKubernetesResource h100 = client.genericKubernetesResources(KueueQueues.RESOURCE_FLAVOR)
                .withName("h100").get();
        assertThat(spec(h100).get("nodeLabels")).isEqualTo(Map.of("slipway.io/pool", "h100"));

        GenericKubernetesResource acme = client.genericKubernetesResources(KueueQueues.CLUSTER_QUEUE)
                .withName("slipway-acme").get();
        assertThat(spec(acme)).containsEntry("cohort", "slipway")
                .containsEntry("namespaceSelector", Map.of("matchLabels", Map.of(Labels.ORG, "acme")));
        assertThat(nominal(acme, "h100", "nvidia.com/gpu")).isEqualTo("4");
        assertThat(nominal(acme, "h100", "pods")).isEqualTo("2");
        assertThat(nominal(acme, "cpu", "nvidia.com/gpu")).isEqualTo("0");
        assertThat(nominal(acme, "cpu", "cpu")).isEqualTo("32000m");
        GenericKubernetesResource globex = client.genericKubernetesResources(KueueQueues.CLUSTER_QUEUE)
                .withName("slipway-globex").get();
        assertThat(nominal(globex, "h100", "nvidia.com/gpu")).as("no quota: the pool").isEqualTo("16");

        assertThat(client.genericKubernetesResources(KueueQueues.LOCAL_QUEUE).inNamespace("tenant-acme")
                .withName("acme-h100").get()).satisfies(queue ->
                assertThat(spec(queue)).containsEntry("clusterQueue", "slipway-acme"));
        assertThat(client.genericKubernetesResources(KueueQueues.LOCAL_QUEUE).inNamespace("slipway-acme")
                .withName("acme-cpu").get()).isNotNull();
        assertThat(client.namespaces().withName("tenant-globex").get().getMetadata().getLabels())
                .containsEntry(Labels.ORG, "globex");

        // a changed quota updates the queue in place
        backend.syncQueues("acme", List.of(new KueueQueues.PoolShare(H100, new Resources(192000, 2097152, 16), 2,
                new Quota(OptionalInt.of(8), OptionalInt.empty(), OptionalDouble.empty()))), "slipway");
        assertThat(nominal(client.genericKubernetesResources(KueueQueues.CLUSTER_QUEUE).withName("slipway-acme").get(),
                "h100", "nvidia.com/gpu")).isEqualTo("8");
    }

    @Test
    void aRunsStateIsReadFromItsJob() {
        Job suspended = job(true);
        assertThat(JobState.of(suspended, List.of()).phase()).isEqualTo(RunPhase.QUEUED);
        assertThat(JobState.of(suspended, List.of()).reason()).contains("acme-h100");
        assertThat(JobState.of(job(false), List.of()).phase()).isEqualTo(RunPhase.RUNNING);

        Job complete = new JobBuilder(job(false)).editOrNewStatus().addToConditions(new JobConditionBuilder()
                .withType("Complete").withStatus("True").build()).endStatus().build();
        assertThat(JobState.of(complete, List.of()).phase()).isEqualTo(RunPhase.SUCCEEDED);

        Job deadline = new JobBuilder(job(false)).editOrNewStatus().addToConditions(new JobConditionBuilder()
                .withType("Failed").withStatus("True").withReason("DeadlineExceeded").build()).endStatus().build();
        assertThat(JobState.of(deadline, List.of())).satisfies(state -> {
            assertThat(state.phase()).isEqualTo(RunPhase.TIMED_OUT);
            assertThat(state.reason()).contains("timeout of 7200 s");
        });

        Job failed = new JobBuilder(job(false)).editOrNewStatus().addToConditions(new JobConditionBuilder()
                .withType("Failed").withStatus("True").withReason("BackoffLimitExceeded")
                .withMessage("Job has reached the specified backoff limit").build()).endStatus().build();
        var exited = new PodBuilder().withNewStatus().addNewContainerStatus().withName("run").withNewState()
                .withNewTerminated().withExitCode(3).endTerminated().endState().endContainerStatus().endStatus().build();
        assertThat(JobState.of(failed, List.of(exited))).isEqualTo(new JobState(RunPhase.FAILED,
                "exited with code 3; Job has reached the specified backoff limit", 3));
    }

    @Test
    void cancelDeletesTheJobAndARestartedBackendFindsTheRunsThatAreLeft() {
        UUID cancelled = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        backend.submit(gpuRun(cancelled), H100);
        backend.submit(gpuRun(kept), H100);

        assertThat(backend.cancel(cancelled, "tenant-acme")).isTrue();
        assertThat(backend.state(cancelled, "tenant-acme")).isEmpty();
        assertThat(client.secrets().inNamespace("tenant-acme").withName("slipway-run-" + cancelled).get()).isNull();

        KubernetesBackend restarted = new KubernetesBackend(server.createClient());
        assertThat(restarted.runs()).containsOnlyKeys(kept);
        assertThat(restarted.runs().get(kept).phase()).isEqualTo(RunPhase.QUEUED);
    }

    private static Job job(boolean suspended) {
        return new JobBuilder(Manifests.job(gpuRun(UUID.randomUUID()), H100)).editSpec().withSuspend(suspended)
                .endSpec().build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static String nominal(GenericKubernetesResource queue, String flavor, String resource) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) spec(queue).get("resourceGroups");
        for (Map<String, Object> f : (List<Map<String, Object>>) groups.getFirst().get("flavors")) {
            if (flavor.equals(f.get("name"))) {
                for (Map<String, Object> r : (List<Map<String, Object>>) f.get("resources")) {
                    if (resource.equals(r.get("name"))) {
                        return String.valueOf(r.get("nominalQuota"));
                    }
                }
            }
        }
        throw new AssertionError("no " + resource + " quota for flavor " + flavor + " in " + spec(queue));
    }
}
