package io.slipway.registry;

import io.slipway.lineage.LineageNode;
import io.slipway.lineage.LineageNodes;
import io.slipway.project.ProjectDeletionGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Model versions as lineage shows them, and the models that keep a project from being deleted. */
@ApplicationScoped
public class ModelVersions implements LineageNodes, ProjectDeletionGuard {

    public static final String KIND = "model-version";

    private final ModelRepository models;

    @Inject
    public ModelVersions(ModelRepository models) {
        this.models = models;
    }

    protected ModelVersions() {
        this(null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<UUID> find(UUID projectId, String name, int version) {
        return models.findByName(projectId, name).flatMap(m -> models.findVersion(m.id(), version))
                .map(ModelVersion::id);
    }

    @Override
    public Optional<LineageNode> describe(UUID id) {
        return models.findVersionById(id).flatMap(v -> models.findById(v.modelId()).map(m ->
                LineageNode.of(KIND, m.name(), v.number(), v.createdAt(), v.createdByName(), v.artifactSha256())));
    }

    @Override
    public Optional<String> contentBlockingDeletion(UUID projectId) {
        long count = models.countInProject(projectId);
        return count == 0 ? Optional.empty() : Optional.of(count + (count == 1 ? " model" : " models"));
    }
}
