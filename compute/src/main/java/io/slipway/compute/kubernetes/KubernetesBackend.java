package io.slipway.compute.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs and serving replicas in a cluster, and Kueue's queues kept in step with Slipway's pools and quotas. Every
 * object it makes carries the owner labels, so a restarted Slipway finds its runs again ({@link #runs}) and reads
 * their state from their Jobs.
 */
public final class KubernetesBackend {

    private final KubernetesClient client;

    public KubernetesBackend(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Starts a run: its token Secret, then its suspended Job (Kueue admits it), then the Secret owned by the Job so
     * that it goes when the Job's time to live ends.
     */
    public Job submit(RunJob run, Placement placement) {
        Secret secret = client.resource(Manifests.tokenSecret(run, placement)).createOr(existing -> existing.update());
        Job job = client.resource(Manifests.job(run, placement)).create();
        secret.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("batch/v1")
                .withKind("Job").withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid())
                .withBlockOwnerDeletion(false).build()));
        client.resource(secret).update();
        return job;
    }

    /** Ends a run: its Job goes, and with it (background propagation) its pods and Secret. */
    public boolean cancel(UUID runId, String namespace) {
        String name = "slipway-run-" + runId;
        boolean deleted = !client.batch().v1().jobs().inNamespace(namespace).withName(name)
                .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete().isEmpty();
        client.secrets().inNamespace(namespace).withName(name).delete();
        return deleted;
    }

    /** The run's state from its Job, or empty when its Job is gone. */
    public Optional<JobState> state(UUID runId, String namespace) {
        Job job = client.batch().v1().jobs().inNamespace(namespace).withName("slipway-run-" + runId).get();
        return Optional.ofNullable(job).map(found -> JobState.of(found, pods(namespace, runId)));
    }

    /** Every run Slipway has in the cluster, by run id, with its state: what a restarted Slipway re-attaches to. */
    public Map<UUID, JobState> runs() {
        return client.batch().v1().jobs().inAnyNamespace()
                .withLabel(Labels.MANAGED_BY, Labels.SLIPWAY).withLabel(Labels.RUN).list().getItems().stream()
                .collect(Collectors.toMap(job -> UUID.fromString(job.getMetadata().getLabels().get(Labels.RUN)),
                        job -> JobState.of(job, pods(job.getMetadata().getNamespace(),
                                UUID.fromString(job.getMetadata().getLabels().get(Labels.RUN))))));
    }

    /**
     * The run's container's log lines written after {@code after} (all of them when null), oldest first, each with
     * the time the cluster recorded; empty while its pod has not started.
     */
    public List<LogLine> logsAfter(UUID runId, String namespace, java.time.Instant after) {
        List<LogLine> lines = new java.util.ArrayList<>();
        for (Pod pod : pods(namespace, runId)) {
            if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                    || pod.getStatus().getContainerStatuses().stream().noneMatch(s -> s.getState() != null
                    && (s.getState().getRunning() != null || s.getState().getTerminated() != null))) {
                continue;
            }
            var container = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                    .inContainer(Manifests.RUN_CONTAINER);
            String log = after == null ? container.usingTimestamps().getLog()
                    : container.usingTimestamps()
                    .sinceTime(after.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).getLog();
            if (log == null) {
                continue;
            }
            for (String raw : log.split("\n")) {
                LogLine.parse(raw).filter(line -> after == null || line.at().isAfter(after)).ifPresent(lines::add);
            }
        }
        return lines;
    }

    /** A line of a container's log as the cluster keeps it: its time and its text. */
    public record LogLine(java.time.Instant at, String text) {

        static Optional<LogLine> parse(String raw) {
            int space = raw.indexOf(' ');
            if (space <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new LogLine(java.time.Instant.parse(raw.substring(0, space)),
                        raw.substring(space + 1)));
            } catch (java.time.format.DateTimeParseException notTimed) {
                return Optional.empty();
            }
        }
    }

    /** Creates or updates a serving deployment's replicas. */
    public void deploy(ReplicaSpec replica, Placement placement) {
        client.resource(Manifests.replicas(replica, placement)).createOr(existing -> existing.update());
    }

    public void undeploy(ReplicaSpec replica, Placement placement) {
        client.apps().deployments().inNamespace(placement.namespaceOf(replica.org())).withName(replica.name()).delete();
    }

    /**
     * Brings Kueue's objects in step: a ResourceFlavor per pool, the organization's namespace, ClusterQueue and a
     * LocalQueue per pool; called when an organization, a pool or a quota is created or changed.
     */
    public void syncQueues(String org, List<KueueQueues.PoolShare> pools, String cohort) {
        for (KueueQueues.PoolShare pool : pools) {
            apply(KueueQueues.RESOURCE_FLAVOR, KueueQueues.resourceFlavor(pool.placement()));
            client.resource(KueueQueues.namespace(org, pool.placement())).createOr(existing -> existing.update());
        }
        apply(KueueQueues.CLUSTER_QUEUE, KueueQueues.clusterQueue(org, pools, cohort));
        for (KueueQueues.PoolShare pool : pools) {
            apply(KueueQueues.LOCAL_QUEUE, KueueQueues.localQueue(org, pool.placement()));
        }
    }

    private void apply(ResourceDefinitionContext kind, GenericKubernetesResource resource) {
        String namespace = resource.getMetadata().getNamespace();
        io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
                io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
                io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> objects = namespace == null
                ? client.genericKubernetesResources(kind)
                : client.genericKubernetesResources(kind).inNamespace(namespace);
        GenericKubernetesResource existing = objects.withName(resource.getMetadata().getName()).get();
        if (existing == null) {
            try {
                objects.resource(resource).create();
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                // another server (or pass) created it meanwhile: bring that one in step
                existing = objects.withName(resource.getMetadata().getName()).get();
            }
        }
        existing.setAdditionalProperty("spec", resource.getAdditionalProperties().get("spec"));
        existing.getMetadata().setLabels(resource.getMetadata().getLabels());
        objects.resource(existing).update();
    }

    private List<Pod> pods(String namespace, UUID runId) {
        return client.pods().inNamespace(namespace).withLabel(Labels.RUN, runId.toString()).list().getItems();
    }
}
