package io.slipway.compute.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.slipway.compute.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects the kubernetes backend creates. Every pod runs as a non-root user with no privilege escalation, no
 * capabilities, the runtime's seccomp profile and no service-account token; asks for its CPUs and memory (and
 * {@code nvidia.com/gpu} as request and limit); lands on the pool's nodes (selector, tolerations); and carries
 * the owner labels ({@link Labels}).
 */
public final class Manifests {

    public static final long RUN_AS_USER = 1000;
    /** Finished Jobs (and their pods) are deleted after this long; their logs are in object storage by then. */
    public static final int TTL_AFTER_FINISHED_SECONDS = 3600;
    public static final int REPLICA_PORT = 8081;
    public static final List<String> REPLICA_COMMAND = List.of("java", "-cp", "/opt/slipway/lib/*",
            "io.slipway.serving.ReplicaMain");
    static final String INPUT_DIR = "/slipway/input";
    static final String OUTPUT_DIR = "/slipway/output";
    static final String CODE_DIR = "/slipway/code";
    static final String CODE_BUNDLE_KEY = "code-bundle-url";
    static final String TOKEN_KEY = "token";
    static final String RUN_CONTAINER = "run";

    private Manifests() {
    }

    /**
     * The run's Job, suspended: Kueue admits it (the queue label names the organization's LocalQueue for the pool)
     * by unsuspending it. It is not retried (a failed run is a result), and ends at its timeout.
     */
    public static Job job(RunJob run, Placement placement) {
        Map<String, String> labels = Labels.owner(run.org(), run.project());
        labels.put(Labels.RUN, run.runId().toString());
        labels.put(Labels.POOL, placement.pool());
        labels.put(Labels.KUEUE_QUEUE, placement.localQueueOf(run.org()));
        List<EnvVar> env = new ArrayList<>();
        new TreeMap<>(run.env()).forEach((name, value) -> env.add(new EnvVar(name, value, null)));
        env.add(new EnvVar("SLIPWAY_RUN_ID", run.runId().toString(), null));
        env.add(new EnvVar("SLIPWAY_INPUT_DIR", INPUT_DIR, null));
        env.add(new EnvVar("SLIPWAY_OUTPUT_DIR", OUTPUT_DIR, null));
        env.add(new EnvVarBuilder().withName("SLIPWAY_RUN_TOKEN").withNewValueFrom().withNewSecretKeyRef()
                .withName(run.jobName()).withKey(TOKEN_KEY).endSecretKeyRef().endValueFrom().build());
        if (run.codeBundle() != null) {
            env.add(new EnvVar("SLIPWAY_CODE_DIR", CODE_DIR, null));
        }
        ContainerBuilder builder = container(RUN_CONTAINER, run.image(), run.command(), run.args(), env, run.request())
                .addNewVolumeMount().withName("input").withMountPath(INPUT_DIR).endVolumeMount()
                .addNewVolumeMount().withName("output").withMountPath(OUTPUT_DIR).endVolumeMount();
        if (run.codeBundle() != null) {
            builder.withWorkingDir(CODE_DIR).addNewVolumeMount().withName("code").withMountPath(CODE_DIR)
                    .endVolumeMount();
        }
        PodSpecBuilder podBuilder = pod(placement, builder.build());
        if (!run.inputs().isEmpty() || run.codeBundle() != null) {
            podBuilder.withInitContainers(fetchInputs(run));
        }
        podBuilder.withRestartPolicy("Never")
                .addNewVolume().withName("input").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("output").withNewEmptyDir().endEmptyDir().endVolume();
        if (run.codeBundle() != null) {
            podBuilder.addNewVolume().withName("code").withNewEmptyDir().endEmptyDir().endVolume();
        }
        PodSpec pod = podBuilder.build();
        return new JobBuilder()
                .withNewMetadata().withName(run.jobName()).withNamespace(placement.namespaceOf(run.org()))
                .withLabels(labels).endMetadata()
                .withNewSpec()
                .withSuspend(true)
                .withBackoffLimit(0)
                .withTtlSecondsAfterFinished(TTL_AFTER_FINISHED_SECONDS)
                .withActiveDeadlineSeconds(run.timeout().toSeconds())
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withSpec(pod).endTemplate()
                .endSpec()
                .build();
    }

    /**
     * The init container that downloads the run's inputs (each from its URL in the run's Secret) into the input
     * directory and unpacks its code bundle into the code directory, failing the run when one cannot be fetched;
     * it runs with the pod's non-root security context.
     */
    static Container fetchInputs(RunJob run) {
        List<EnvVar> env = new ArrayList<>();
        StringBuilder script = new StringBuilder("set -e");
        for (int i = 0; i < run.inputs().size(); i++) {
            String variable = "SLIPWAY_INPUT_URL_" + i;
            env.add(new EnvVarBuilder().withName(variable).withNewValueFrom().withNewSecretKeyRef()
                    .withName(run.jobName()).withKey(inputKey(i)).endSecretKeyRef().endValueFrom().build());
            script.append("; curl -fsS --retry 3 -o '").append(INPUT_DIR).append('/')
                    .append(run.inputs().get(i).fileName()).append("' \"$").append(variable).append('"');
        }
        if (run.codeBundle() != null) {
            env.add(new EnvVarBuilder().withName("SLIPWAY_CODE_BUNDLE_URL").withNewValueFrom().withNewSecretKeyRef()
                    .withName(run.jobName()).withKey(CODE_BUNDLE_KEY).endSecretKeyRef().endValueFrom().build());
            String archive = CODE_DIR + "/.slipway-bundle";
            script.append("; curl -fsS --retry 3 -o '").append(archive).append("' \"$SLIPWAY_CODE_BUNDLE_URL\"; ")
                    .append(switch (run.codeBundle().format()) {
                        case "zip" -> "unzip -q -o '" + archive + "' -d '" + CODE_DIR + "'";
                        case "tar.gz" -> "tar -xzf '" + archive + "' -C '" + CODE_DIR + "'";
                        default -> "tar -xf '" + archive + "' -C '" + CODE_DIR + "'";
                    }).append("; rm -f '").append(archive).append("'");
        }
        ContainerBuilder fetch = new ContainerBuilder()
                .withName("fetch-inputs")
                .withImage(run.fetchImage())
                .withCommand("sh", "-c", script.toString())
                .withEnv(env)
                .withResources(resources(new Resources(100, 128, 0)))
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities().addToDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("input").withMountPath(INPUT_DIR).endVolumeMount();
        if (run.codeBundle() != null) {
            fetch.addNewVolumeMount().withName("code").withMountPath(CODE_DIR).endVolumeMount();
        }
        return fetch.build();
    }

    /** The Secret's key of the run's {@code index}-th input URL. */
    static String inputKey(int index) {
        return "input-" + index + "-url";
    }

    /** The run token, for the Job's {@code SLIPWAY_RUN_TOKEN}, and its inputs' URLs (never in the Job itself). */
    public static Secret tokenSecret(RunJob run, Placement placement) {
        Map<String, String> labels = Labels.owner(run.org(), run.project());
        labels.put(Labels.RUN, run.runId().toString());
        SecretBuilder secret = new SecretBuilder()
                .withNewMetadata().withName(run.jobName()).withNamespace(placement.namespaceOf(run.org()))
                .withLabels(labels).endMetadata()
                .withType("Opaque")
                .addToStringData(TOKEN_KEY, run.token());
        for (int i = 0; i < run.inputs().size(); i++) {
            secret.addToStringData(inputKey(i), run.inputs().get(i).url().toString());
        }
        if (run.codeBundle() != null) {
            secret.addToStringData(CODE_BUNDLE_KEY, run.codeBundle().url().toString());
        }
        return secret.build();
    }

    /** A serving deployment's replicas: ready once the replica answers {@code /v2/health/ready}. */
    public static Deployment replicas(ReplicaSpec replica, Placement placement) {
        Map<String, String> selector = Labels.owner(replica.org(), replica.project());
        selector.put(Labels.DEPLOYMENT, replica.deployment());
        Map<String, String> labels = new java.util.LinkedHashMap<>(selector);
        labels.put(Labels.POOL, placement.pool());
        List<EnvVar> env = new ArrayList<>();
        new TreeMap<>(replica.settings()).forEach((name, value) -> env.add(new EnvVar(name, value, null)));
        env.add(new EnvVar("SLIPWAY_REPLICA_PORT", Integer.toString(REPLICA_PORT), null));
        Container container = container("replica", replica.image(), REPLICA_COMMAND, List.of(), env, replica.request())
                .addNewPort().withName("http").withContainerPort(REPLICA_PORT).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/v2/health/ready")
                .withPort(new io.fabric8.kubernetes.api.model.IntOrString(REPLICA_PORT)).endHttpGet()
                .withPeriodSeconds(2).endReadinessProbe()
                .withNewLivenessProbe().withNewHttpGet().withPath("/v2/health/live")
                .withPort(new io.fabric8.kubernetes.api.model.IntOrString(REPLICA_PORT)).endHttpGet()
                .withInitialDelaySeconds(30).withPeriodSeconds(10).endLivenessProbe()
                .build();
        return new DeploymentBuilder()
                .withNewMetadata().withName(replica.name()).withNamespace(placement.namespaceOf(replica.org()))
                .withLabels(labels).endMetadata()
                .withNewSpec()
                .withReplicas(replica.replicas())
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withSpec(pod(placement, container).build()).endTemplate()
                .endSpec()
                .build();
    }

    private static ContainerBuilder container(String name, String image, List<String> command, List<String> args,
                                              List<EnvVar> env, Resources request) {
        return new ContainerBuilder()
                .withName(name)
                .withImage(image)
                .withCommand(command.isEmpty() ? null : command)
                .withArgs(args.isEmpty() ? null : args)
                .withEnv(env)
                .withResources(resources(request))
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities().addToDrop("ALL").endCapabilities()
                .endSecurityContext();
    }

    private static PodSpecBuilder pod(Placement placement, Container container) {
        return new PodSpecBuilder()
                .withAutomountServiceAccountToken(false)
                .withNodeSelector(placement.nodeSelector().isEmpty() ? null : placement.nodeSelector())
                .withTolerations(tolerations(placement))
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(RUN_AS_USER)
                .withRunAsGroup(RUN_AS_USER)
                .withFsGroup(RUN_AS_USER)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withContainers(container);
    }

    static ResourceRequirements resources(Resources request) {
        ResourceRequirementsBuilder resources = new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(request.cpuMillis() + "m"))
                .addToRequests("memory", new Quantity(request.memoryMib() + "Mi"))
                .addToLimits("memory", new Quantity(request.memoryMib() + "Mi"));
        if (request.gpus() > 0) {
            resources.addToRequests(Placement.GPU_RESOURCE, new Quantity(Integer.toString(request.gpus())))
                    .addToLimits(Placement.GPU_RESOURCE, new Quantity(Integer.toString(request.gpus())));
        }
        return resources.build();
    }

    static List<Toleration> tolerations(Placement placement) {
        return placement.tolerations().stream().map(t -> new TolerationBuilder()
                .withKey(t.get("key"))
                .withOperator(t.getOrDefault("operator", t.containsKey("value") ? "Equal" : "Exists"))
                .withValue(t.get("value"))
                .withEffect(t.get("effect"))
                .build()).toList();
    }
}
