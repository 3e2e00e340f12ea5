package io.slipway.deployment;

import io.slipway.lineage.LineageGraph;
import io.slipway.lineage.LineageLeaves;
import io.slipway.lineage.LineageNode;
import io.slipway.lineage.NodeKey;
import io.slipway.registry.Model;
import io.slipway.registry.ModelRepository;
import io.slipway.registry.ModelVersion;
import io.slipway.registry.StageChange;
import io.slipway.registry.StageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A served request as the last node of lineage ({@code request:<id>}, the id its answer carried): the model
 * version that answered it, the promotion that put that version in the stage the deployment follows (when it
 * follows one), the deployment, and the request. Read from the request log, so a request is traceable for as long
 * as its organization keeps the log.
 */
@ApplicationScoped
public class RequestLineage implements LineageLeaves {

    static final String KIND = "request";

    private final EntityManager em;
    private final DeploymentRepository deployments;
    private final ModelRepository models;
    private final StageRepository stages;

    @Inject
    public RequestLineage(EntityManager em, DeploymentRepository deployments, ModelRepository models,
                          StageRepository stages) {
        this.em = em;
        this.deployments = deployments;
        this.models = models;
        this.stages = stages;
    }

    protected RequestLineage() {
        this(null, null, null, null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<Trace> trace(UUID projectId, UUID id) {
        return em.createQuery("select r from LoggedRequest r where r.id = :id and r.projectId = :project",
                        LoggedRequest.class)
                .setParameter("id", id).setParameter("project", projectId)
                .getResultStream().findFirst()
                .flatMap(request -> deployments.findById(request.deploymentId()).map(d -> trace(request, d)));
    }

    private Trace trace(LoggedRequest request, Deployment deployment) {
        int answeredBy = request.modelVersion().orElse(0);
        LineageNode servedBy = new LineageNode("deployment:" + deployment.name(), "deployment", deployment.name(),
                answeredBy, deployment.createdAt(), deployment.createdBy(), null);
        LineageNode answered = new LineageNode(KIND + ":" + request.id(), KIND, deployment.name(), answeredBy,
                request.receivedAt(), request.actorName(), null);
        List<LineageNode> nodes = new ArrayList<>();
        List<LineageGraph.Edge> edges = new ArrayList<>();
        Optional<NodeKey> versionKey = Optional.empty();
        Model model = models.findById(deployment.modelId()).orElseThrow();
        Optional<ModelVersion> version = request.modelVersion().isPresent()
                ? models.findVersion(model.id(), answeredBy) : Optional.empty();
        if (version.isPresent()) {
            versionKey = Optional.of(new NodeKey("model-version", version.get().id()));
            String versionRef = "model-version:" + model.name() + ":" + answeredBy;
            Optional<StageChange> promotion = deployment.target().stage()
                    .flatMap(stage -> stages.lastPromotionTo(model.id(), stage, answeredBy));
            if (promotion.isPresent()) {
                StageChange change = promotion.get();
                String ref = change.requestId().map(r -> "promotion:" + r).orElse("stage-change:" + change.id());
                nodes.add(new LineageNode(ref, change.requestId().isPresent() ? "promotion" : "stage-change",
                        model.name() + " → " + change.stage().label(), answeredBy, change.createdAt(),
                        change.actorName(), null));
                edges.add(new LineageGraph.Edge(versionRef, ref, "promoted"));
                edges.add(new LineageGraph.Edge(ref, servedBy.id(), "served-by"));
            } else {
                edges.add(new LineageGraph.Edge(versionRef, servedBy.id(), "served-by"));
            }
        }
        nodes.add(servedBy);
        nodes.add(answered);
        edges.add(new LineageGraph.Edge(servedBy.id(), answered.id(), "answered"));
        return new Trace(versionKey, nodes, edges);
    }
}
