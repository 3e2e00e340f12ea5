package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.slipway.devstack.SampleModels;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Buckets;
import io.slipway.it.support.CodeBundles;
import io.slipway.it.support.Digests;
import io.slipway.it.support.MockCluster;
import io.slipway.it.support.Poll;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on a kubernetes pool, the server against a cluster (fabric8's mock API server, {@link MockCluster}): a run
 * becomes a suspended Job in its organization's namespace on its organization's LocalQueue, with its inputs
 * fetched from presigned URLs; the test plays Kueue and the kubelet, and the run follows its Job: admitted is
 * running, its pod's log becomes its log, and its end is read from the Job. Quotas become Kueue's queues.
 */
class KubernetesRunsIT extends ApiTestBase {

    static final String POOL = "it-k8s-h100";
    private static final ResourceDefinitionContext CLUSTER_QUEUE = kueue("ClusterQueue", "clusterqueues", false);
    private static final ResourceDefinitionContext LOCAL_QUEUE = kueue("LocalQueue", "localqueues", true);
    private static final ResourceDefinitionContext RESOURCE_FLAVOR = kueue("ResourceFlavor", "resourceflavors", false);

    @TempDir
    Path scratch;

    private final MockCluster cluster = MockCluster.shared();
    private final KubernetesClient kube = cluster.client();
    private TestOrg acme;

    @BeforeEach
    void aGpuPoolOnTheClusterAndAFreshOrganization() {
        Api.Reply defined = api.post(Users.token("root"), "api/v1/pools", Map.of("name", POOL,
                "backend", "kubernetes", "accelerator", "nvidia-h100", "gpusPerNode", 8, "nodes", 2,
                "cpusPerNode", 96, "memoryMibPerNode", 1_048_576, "purposes", List.of("training"),
                "nodeSelector", Map.of("slipway.io/pool", "h100"),
                "tolerations", List.of(Map.of("key", "nvidia.com/gpu", "operator", "Exists", "effect", "NoSchedule"))));
        assertThat(defined.status()).as("%s", defined).isEqualTo(200);
        acme = TestOrg.create(api);
    }

    @Test
    void aRunIsAJobKueueAdmitsAndItsStateAndLogComeFromTheCluster() throws Exception {
        byte[] csv = Digests.read(SampleModels.trainingCsv(scratch));
        assertThat(uploads.raw(Users.token("bob"), acme.projectPath()
                + "/datasets/flowers/versions?fileName=flowers.csv", "text/csv", csv).status()).isEqualTo(201);

        JsonNode run = start(Map.of("name", "train on h100", "pool", POOL, "image", "registry.example/train:1.4",
                "command", List.of("python", "train.py"), "args", List.of("--epochs", "3"),
                "inputs", List.of("flowers:1"), "env", Map.of("LR", "0.01"),
                "resources", Map.of("gpus", 2, "cpu", 8, "memoryMib", 65536), "timeoutSeconds", 7200));
        String namespace = "slipway-" + acme.slug();
        String name = "slipway-run-" + run.path("id").asText();
        Job job = await(() -> kube.batch().v1().jobs().inNamespace(namespace).withName(name).get(),
                found -> found != null, "the run's Job");

        assertThat(job.getMetadata().getLabels()).containsEntry("kueue.x-k8s.io/queue-name", acme.slug() + "-" + POOL)
                .containsEntry("slipway.io/org", acme.slug()).containsEntry("slipway.io/project", acme.project());
        assertThat(job.getSpec().getSuspend()).as("Kueue admits it").isTrue();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(7200);
        var pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getNodeSelector()).containsEntry("slipway.io/pool", "h100");
        assertThat(pod.getTolerations()).singleElement().satisfies(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"));
        var container = pod.getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo("registry.example/train:1.4");
        assertThat(container.getCommand()).containsExactly("python", "train.py", "--epochs", "3");
        assertThat(container.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("2"));
        assertThat(container.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).contains("LR=0.01",
                "SLIPWAY_PROJECT=" + acme.project(), "SLIPWAY_INPUT_DIR=/slipway/input");
        assertThat(pod.getInitContainers()).singleElement().satisfies(init ->
                assertThat(String.join(" ", init.getCommand())).contains("/slipway/input/flowers-v1",
                        "/slipway/input/inputs.json"));

        Secret secret = kube.secrets().inNamespace(namespace).withName(name).get();
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(secretValue(secret, "input-0-url"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).as("the init container's presigned URL answers").isEqualTo(200);
        assertThat(fetched.body()).as("and gives the dataset version's bytes").isEqualTo(csv);
        HttpResponse<String> manifest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(secretValue(secret, "input-1-url"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(manifest.body()).contains("\"dataset\":\"flowers\"", "\"path\":\"flowers-v1\"");

        JsonNode queued = awaitRun(run, r -> r.path("queueReason").asText().contains("Kueue"));
        assertThat(queued.path("state").asText()).isEqualTo("queued");
        assertThat(queued.path("queueReason").asText()).contains(acme.slug() + "-" + POOL);

        // Kueue admits it; the kubelet starts its pod, which writes two lines
        kube.resource(new JobBuilder(job).editSpec().withSuspend(false).endSpec().build()).update();
        Instant now = Instant.now();
        Pod runningPod = kubelet(pod(namespace, name, run.path("id").asText(), null));
        cluster.podLog(namespace, runningPod.getMetadata().getName(), now + " epoch 1: loss 0.41\n"
                + now.plusMillis(5) + " epoch 2: loss 0.22\n");
        JsonNode running = awaitRun(run, r -> r.path("state").asText().equals("running"));
        assertThat(running.path("startedAt").isNull()).isFalse();
        String log = await(() -> api.get(Users.token("dave"), runPath(run) + "/logs").body(),
                body -> body.contains("epoch 2: loss 0.22"), "the pod's log in the run's");
        assertThat(log).contains("pod epoch 1: loss 0.41");

        // its container exits with 3; the Job fails
        cluster.podLog(namespace, runningPod.getMetadata().getName(), now + " epoch 1: loss 0.41\n"
                + now.plusMillis(5) + " epoch 2: loss 0.22\n" + now.plusMillis(10) + " CUDA error: out of memory\n");
        kubelet(pod(namespace, name, run.path("id").asText(), 3));
        Job current = kube.batch().v1().jobs().inNamespace(namespace).withName(name).get();
        kube.resource(new JobBuilder(current).editOrNewStatus().addToConditions(new JobConditionBuilder()
                .withType("Failed").withStatus("True").withReason("BackoffLimitExceeded")
                .withMessage("Job has reached the specified backoff limit").build()).endStatus().build()).updateStatus();
        JsonNode failed = awaitRun(run, r -> r.path("state").asText().equals("failed"));
        assertThat(failed.path("exitCode").asInt()).isEqualTo(3);
        assertThat(failed.path("reason").asText()).contains("exited with code 3", "CUDA error: out of memory");
        assertThat(api.get(Users.token("dave"), runPath(run) + "/logs").body()).contains("CUDA error: out of memory");
        assertThat(actions()).contains("run.queued", "run.submitted", "run.started", "run.ended");
    }

    @Test
    void aQuotaBecomesTheOrganizationsClusterQueueAndItsLocalQueue() {
        Api.Reply quota = api.put(Users.token("root"), acme.path() + "/quotas/" + POOL,
                Map.of("maxGpus", 4, "maxConcurrentRuns", 2));
        assertThat(quota.status()).as("%s", quota).isEqualTo(200);

        GenericKubernetesResource clusterQueue = await(() -> kube.genericKubernetesResources(CLUSTER_QUEUE)
                .withName("slipway-" + acme.slug()).get(), found -> found != null
                && nominal(found, "nvidia.com/gpu").equals("4"), "the organization's ClusterQueue with its quota");
        assertThat(nominal(clusterQueue, "pods")).as("one pod per run: the concurrent-run quota").isEqualTo("2");
        assertThat(spec(clusterQueue).get("cohort")).isEqualTo("slipway");
        GenericKubernetesResource localQueue = kube.genericKubernetesResources(LOCAL_QUEUE)
                .inNamespace("slipway-" + acme.slug()).withName(acme.slug() + "-" + POOL).get();
        assertThat(spec(localQueue).get("clusterQueue")).isEqualTo("slipway-" + acme.slug());
        assertThat(kube.genericKubernetesResources(RESOURCE_FLAVOR).withName(POOL).get()).isNotNull();

        api.put(Users.token("root"), acme.path() + "/quotas/" + POOL, Map.of("maxGpus", 6, "maxConcurrentRuns", 2));
        await(() -> kube.genericKubernetesResources(CLUSTER_QUEUE).withName("slipway-" + acme.slug()).get(),
                found -> nominal(found, "nvidia.com/gpu").equals("6"), "the ClusterQueue updated in place");
    }

    @Test
    void cancellingARunDeletesItsJobAndASucceededJobIsASucceededRun() {
        JsonNode cancelled = start(Map.of("pool", POOL, "image", "registry.example/train:1.4",
                "resources", Map.of("gpus", 1)));
        JsonNode succeeding = start(Map.of("pool", POOL, "image", "registry.example/train:1.4"));
        String namespace = "slipway-" + acme.slug();
        String cancelledJob = "slipway-run-" + cancelled.path("id").asText();
        await(() -> kube.batch().v1().jobs().inNamespace(namespace).withName(cancelledJob).get(), job -> job != null,
                "the Job of the run to cancel");
        assertThat(api.post(Users.token("erin"), runPath(cancelled) + "/cancel", Map.of()).status())
                .as("another organization's member").isEqualTo(404);

        Api.Reply cancel = api.post(Users.token("bob"), runPath(cancelled) + "/cancel", Map.of());
        assertThat(cancel.status()).as("%s", cancel).isEqualTo(200);
        JsonNode ended = awaitRun(cancelled, r -> r.path("state").asText().equals("cancelled"));
        assertThat(ended.path("reason").asText()).contains("cancel");
        await(() -> kube.batch().v1().jobs().inNamespace(namespace).withName(cancelledJob).get(), job -> job == null,
                "the cancelled run's Job deleted");

        String name = "slipway-run-" + succeeding.path("id").asText();
        Job job = await(() -> kube.batch().v1().jobs().inNamespace(namespace).withName(name).get(),
                found -> found != null, "the second run's Job");
        Job admitted = kube.resource(new JobBuilder(job).editSpec().withSuspend(false).endSpec().build()).update();
        kubelet(pod(namespace, name, succeeding.path("id").asText(), 0));
        kube.resource(new JobBuilder(admitted).editOrNewStatus().addToConditions(new JobConditionBuilder()
                .withType("Complete").withStatus("True").build()).endStatus().build()).updateStatus();
        JsonNode succeeded = awaitRun(succeeding, r -> r.path("state").asText().equals("succeeded"));
        assertThat(succeeded.path("exitCode").asInt()).isZero();
    }

    @Test
    void aClusterRunUploadsItsDeclaredOutputWithItsTokenAndItBecomesAModelVersionWhenItsJobSucceeds()
            throws Exception {
        Path model = SampleModels.irisLikeClassifier(scratch);
        byte[] bundle = CodeBundles.tarGz(Map.of("train.py", "print('epoch 1')\n"));
        String bundleId = uploads.raw(Users.token("bob"), acme.projectPath() + "/code-bundles?fileName=code.tar.gz",
                "application/gzip", bundle).json().path("id").asText();
        JsonNode run = start(Map.of("pool", POOL, "image", "registry.example/train:1.4",
                "params", Map.of("epochs", 3), "codeBundle", bundleId,
                "outputs", List.of(Map.of("path", "out/model.onnx", "model", "h100-scorer"))));
        JsonNode forgetful = start(Map.of("pool", POOL, "image", "registry.example/train:1.4",
                "outputs", List.of(Map.of("path", "model.onnx", "model", "never-uploaded"))));
        String namespace = "slipway-" + acme.slug();
        String id = run.path("id").asText();
        String name = "slipway-run-" + id;
        Job job = await(() -> kube.batch().v1().jobs().inNamespace(namespace).withName(name).get(),
                found -> found != null, "the run's Job");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv())
                .extracting(e -> e.getName() + "=" + e.getValue())
                .anySatisfy(env -> assertThat(env).startsWith("SLIPWAY_OUTPUTS_URL=").endsWith(
                        "/run-api/v1/runs/" + id + "/outputs"));
        Secret secret = kube.secrets().inNamespace(namespace).withName(name).get();
        String token = secretValue(secret, "token");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().getFirst().getWorkingDir())
                .as("the run starts in its unpacked code bundle").isEqualTo("/slipway/code");
        HttpResponse<byte[]> fetchedBundle = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(secretValue(secret, "code-bundle-url"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetchedBundle.body()).as("the init container's URL gives the bundle's bytes").isEqualTo(bundle);
        Job admitted = kube.resource(new JobBuilder(job).editSpec().withSuspend(false).endSpec().build()).update();
        kubelet(pod(namespace, name, id, null));
        awaitRun(run, r -> r.path("state").asText().equals("running"));

        URI outputs = api.base().resolve("run-api/v1/runs/" + id + "/outputs/");
        HttpResponse<String> undeclared = put(outputs.resolve("other.onnx"), token, model);
        HttpResponse<String> anonymous = put(outputs.resolve("out/model.onnx"), null, model);
        HttpResponse<String> uploaded = put(outputs.resolve("out/model.onnx"), token, model);
        assertThat(undeclared.statusCode()).as(undeclared.body()).isEqualTo(404);
        assertThat(undeclared.body()).contains("out/model.onnx");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(uploaded.body()).path("sha256").asText()).isEqualTo(Digests.sha256(Digests.read(model)));
        assertThat(Buckets.keys(acme)).contains("runs/" + id + "/outputs/out/model.onnx");

        kubelet(pod(namespace, name, id, 0));
        kube.resource(new JobBuilder(admitted).editOrNewStatus().addToConditions(new JobConditionBuilder()
                .withType("Complete").withStatus("True").build()).endStatus().build()).updateStatus();
        JsonNode succeeded = awaitRun(run, r -> r.path("state").asText().equals("succeeded"));
        assertThat(succeeded.path("outputModels").get(0).asText()).isEqualTo("h100-scorer:1");
        JsonNode version = api.get(Users.token("dave"), acme.projectPath() + "/models/h100-scorer/versions/1").json();
        assertThat(version.path("run").asText()).isEqualTo(id);
        assertThat(version.path("sha256").asText()).as("byte for byte what the run uploaded")
                .isEqualTo(Digests.sha256(Digests.read(model)));
        assertThat(version.path("params").path("epochs").asInt()).isEqualTo(3);
        JsonNode lineage = api.get(Users.token("dave"), acme.projectPath()
                + "/lineage?node=model-version:h100-scorer:1&depth=1").json();
        assertThat(lineage.path("edges")).anySatisfy(edge -> {
            assertThat(edge.path("from").asText()).isEqualTo("run:" + id);
            assertThat(edge.path("to").asText()).isEqualTo("model-version:h100-scorer:1");
        });
        assertThat(Buckets.keys(acme)).as("the upload is a model version now, not a second copy")
                .noneMatch(key -> key.startsWith("runs/" + id + "/outputs/"));
        assertThat(put(outputs.resolve("out/model.onnx"), token, model).statusCode())
                .as("the token is worthless once the run ended").isEqualTo(401);

        String other = "slipway-run-" + forgetful.path("id").asText();
        Job second = await(() -> kube.batch().v1().jobs().inNamespace(namespace).withName(other).get(),
                found -> found != null, "the second run's Job");
        Job secondAdmitted = kube.resource(new JobBuilder(second).editSpec().withSuspend(false).endSpec().build())
                .update();
        kubelet(pod(namespace, other, forgetful.path("id").asText(), 0));
        kube.resource(new JobBuilder(secondAdmitted).editOrNewStatus().addToConditions(new JobConditionBuilder()
                .withType("Complete").withStatus("True").build()).endStatus().build()).updateStatus();
        JsonNode failed = awaitRun(forgetful, r -> r.path("state").asText().equals("failed"));
        assertThat(failed.path("reason").asText()).contains("did not hand over its declared output 'model.onnx'");
        assertThat(api.get(Users.token("dave"), acme.projectPath() + "/models/never-uploaded").status())
                .isEqualTo(404);
    }

    private static HttpResponse<String> put(URI uri, String token, Path file) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofFile(file));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whatAKubernetesPoolCannotRunIsRefusedAtSubmission() {
        Api.Reply noImage = api.post(Users.token("bob"), acme.projectPath() + "/runs", Map.of("pool", POOL,
                "command", List.of("python", "train.py")));
        Api.Reply tooBig = api.post(Users.token("bob"), acme.projectPath() + "/runs", Map.of("pool", POOL,
                "image", "registry.example/train:1.4", "resources", Map.of("gpus", 9)));
        Api.Reply byViewer = api.post(Users.token("dave"), acme.projectPath() + "/runs", Map.of("pool", POOL,
                "image", "registry.example/train:1.4"));

        assertThat(noImage.status()).as("%s", noImage).isEqualTo(400);
        assertThat(noImage.json().path("errors").findValuesAsText("field")).contains("image");
        assertThat(tooBig.status()).as("%s", tooBig).isEqualTo(422);
        assertThat(tooBig.body()).contains("8 GPUs");
        assertThat(byViewer.status()).isEqualTo(403);
    }

    /** The pod as the kubelet reports it: created once, its status set. */
    private Pod kubelet(Pod pod) {
        if (kube.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).get() == null) {
            kube.resource(pod).create();
        }
        return kube.resource(pod).updateStatus();
    }

    private static Pod pod(String namespace, String job, String runId, Integer exitCode) {
        var state = new PodBuilder().withNewMetadata().withName(job + "-abcde").withNamespace(namespace)
                .addToLabels("slipway.io/run", runId).addToLabels("job-name", job).endMetadata()
                .withNewStatus().addNewContainerStatus().withName("run").withNewState();
        var built = exitCode == null ? state.withNewRunning().withStartedAt(Instant.now().toString()).endRunning()
                : state.withNewTerminated().withExitCode(exitCode).endTerminated();
        return built.endState().endContainerStatus().endStatus().build();
    }

    private JsonNode start(Map<String, Object> body) {
        Api.Reply started = api.post(Users.token("bob"), acme.projectPath() + "/runs", body);
        assertThat(started.status()).as("%s", started).isEqualTo(201);
        return started.json();
    }

    private String runPath(JsonNode run) {
        return acme.projectPath() + "/runs/" + run.path("id").asText();
    }

    private JsonNode awaitRun(JsonNode run, Predicate<JsonNode> until) {
        return await(() -> api.get(Users.token("dave"), runPath(run)).json(), until, "run " + run.path("id"));
    }

    private List<String> actions() {
        return api.get(Users.token("alice"), acme.path() + "/audit?limit=100").json().path("items")
                .findValuesAsText("action");
    }

    private static <T> T await(Supplier<T> read, Predicate<T> until, String what) {
        return Poll.until(read, until, Duration.ofSeconds(30), what);
    }

    private static String secretValue(Secret secret, String key) {
        if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
            return secret.getStringData().get(key);
        }
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    /** The ClusterQueue's nominal quota of a resource on the pool's flavor. */
    @SuppressWarnings("unchecked")
    private static String nominal(GenericKubernetesResource clusterQueue, String resource) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) spec(clusterQueue).get("resourceGroups");
        for (Map<String, Object> flavor : (List<Map<String, Object>>) groups.getFirst().get("flavors")) {
            if (POOL.equals(flavor.get("name"))) {
                for (Map<String, Object> quota : (List<Map<String, Object>>) flavor.get("resources")) {
                    if (resource.equals(quota.get("name"))) {
                        return String.valueOf(quota.get("nominalQuota"));
                    }
                }
            }
        }
        return "";
    }

    private static ResourceDefinitionContext kueue(String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup("kueue.x-k8s.io").withVersion("v1beta1")
                .withKind(kind).withPlural(plural).withNamespaced(namespaced).build();
    }
}
