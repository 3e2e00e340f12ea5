package io.slipway.run;

import io.slipway.lineage.LineageNode;
import io.slipway.lineage.LineageNodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs in the lineage ({@code run:<id>}): the dataset versions they read lead to them, the model versions they
 * produced follow them. A run is named by its id, not by a name and version.
 */
@ApplicationScoped
public class RunNodes implements LineageNodes, io.slipway.registry.RunReferences {

    private final RunRepository runs;

    @Inject
    public RunNodes(RunRepository runs) {
        this.runs = runs;
    }

    protected RunNodes() {
        this(null);
    }

    @Override
    public String kind() {
        return RunService.KIND;
    }

    @Override
    public Optional<UUID> find(UUID projectId, String name, int version) {
        return Optional.empty();
    }

    @Override
    public boolean exists(UUID projectId, UUID runId) {
        return runs.find(projectId, runId).isPresent();
    }

    @Override
    public Optional<LineageNode> describe(UUID id) {
        return runs.findById(id).map(run -> new LineageNode(RunService.KIND + ":" + run.id(), RunService.KIND,
                run.name().orElse("run " + run.number()), run.number(), run.createdAt(), run.createdByName(), null));
    }
}
