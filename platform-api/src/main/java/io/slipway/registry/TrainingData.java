package io.slipway.registry;

import io.slipway.api.ProblemException;
import io.slipway.dataset.DatasetVersions;
import io.slipway.dataset.DatasetVersions.DatasetVersionRef;
import io.slipway.lineage.LineageEdge;
import io.slipway.lineage.LineageRepository;
import io.slipway.lineage.NodeKey;
import io.slipway.project.ProjectContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which dataset versions a model version was trained on: resolving the {@code name:version} references an
 * upload names, recording them as lineage edges, and reading them back. Inside the caller's tenant scope.
 */
@ApplicationScoped
public class TrainingData {

    static final String RELATION = "trained";

    private final DatasetVersions datasets;
    private final LineageRepository lineage;

    @Inject
    public TrainingData(DatasetVersions datasets, LineageRepository lineage) {
        this.datasets = datasets;
        this.lineage = lineage;
    }

    protected TrainingData() {
        this(null, null);
    }

    /** The named dataset versions ({@code name:version}); 422 for one that does not exist in the project. */
    public List<DatasetVersionRef> resolve(ProjectContext context, List<String> references) {
        return Optional.ofNullable(references).orElse(List.of()).stream().distinct().map(reference -> {
            String[] parts = reference.split(":");
            return datasets.lookup(context.project().id(), parts[0], Integer.parseInt(parts[1]))
                    .orElseThrow(() -> ProblemException.unprocessable("unknown-dataset-version", "Dataset version '"
                            + reference + "' does not exist in project '" + context.project().slug() + "'."));
        }).toList();
    }

    void record(UUID projectId, List<DatasetVersionRef> trainedOn, UUID modelVersionId, Instant at) {
        for (DatasetVersionRef dataset : trainedOn) {
            lineage.store(new LineageEdge(projectId, new NodeKey(DatasetVersions.KIND, dataset.id()),
                    new NodeKey(ModelVersions.KIND, modelVersionId), RELATION, at));
        }
    }

    /** {@code name:version} of each dataset version the model version was trained on. */
    List<String> of(UUID modelVersionId) {
        return lineage.toFromKind(new NodeKey(ModelVersions.KIND, modelVersionId), DatasetVersions.KIND).stream()
                .map(edge -> datasets.byId(edge.from().id()).map(DatasetVersionRef::reference).orElseThrow())
                .sorted()
                .toList();
    }
}
