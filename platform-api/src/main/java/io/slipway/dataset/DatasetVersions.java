package io.slipway.dataset;

import io.slipway.lineage.LineageNode;
import io.slipway.lineage.LineageNodes;
import io.slipway.project.ProjectDeletionGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Dataset versions as other features refer to them (a model names the versions it was trained on; lineage
 * shows them). Runs inside the caller's tenant scope and transaction.
 */
@ApplicationScoped
public class DatasetVersions implements LineageNodes, ProjectDeletionGuard {

    public static final String KIND = "dataset-version";

    private final DatasetRepository datasets;

    @Inject
    public DatasetVersions(DatasetRepository datasets) {
        this.datasets = datasets;
    }

    protected DatasetVersions() {
        this(null);
    }

    /** A dataset version by name and number in a project. */
    public Optional<DatasetVersionRef> lookup(UUID projectId, String dataset, int version) {
        return datasets.findByName(projectId, dataset)
                .flatMap(d -> datasets.findVersion(d.id(), version).map(v -> DatasetVersionRef.of(d, v)));
    }

    public Optional<DatasetVersionRef> byId(UUID versionId) {
        return datasets.findVersionById(versionId)
                .flatMap(v -> datasets.findById(v.datasetId()).map(d -> DatasetVersionRef.of(d, v)));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<UUID> find(UUID projectId, String name, int version) {
        return lookup(projectId, name, version).map(DatasetVersionRef::id);
    }

    @Override
    public Optional<LineageNode> describe(UUID id) {
        return byId(id).map(r -> LineageNode.of(KIND, r.dataset(), r.version(), r.createdAt(), r.createdBy(),
                r.sha256()));
    }

    @Override
    public Optional<String> contentBlockingDeletion(UUID projectId) {
        long count = datasets.countInProject(projectId);
        return count == 0 ? Optional.empty() : Optional.of(count + (count == 1 ? " dataset" : " datasets"));
    }

    /** A dataset version, named. */
    public record DatasetVersionRef(UUID id, String dataset, int version, Instant createdAt,
                                    String createdBy, String sha256) {

        static DatasetVersionRef of(Dataset dataset, DatasetVersion version) {
            return new DatasetVersionRef(version.id(), dataset.name(), version.number(), version.createdAt(),
                    version.createdByName(), version.artifactSha256());
        }

        public String reference() {
            return dataset + ":" + version;
        }
    }
}
