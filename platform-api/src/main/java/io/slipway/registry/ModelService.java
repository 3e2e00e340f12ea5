package io.slipway.registry;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.artifact.StoredContent;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import io.slipway.project.ProjectContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Listing and reading models and their versions. */
@ApplicationScoped
public class ModelService {

    private final ProjectAccess access;
    private final ModelRepository models;
    private final StageRepository stages;
    private final TrainingData trainingData;

    @Inject
    public ModelService(ProjectAccess access, ModelRepository models, StageRepository stages,
                        TrainingData trainingData) {
        this.access = access;
        this.models = models;
        this.stages = stages;
        this.trainingData = trainingData;
    }

    protected ModelService() {
        this(null, null, null, null);
    }

    public Page<ModelSummary> list(Caller caller, String orgSlug, String projectSlug, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.MODEL_READ, context ->
                Page.of(models.page(context.project().id(), page.after(), page.fetchSize()), page, Model::name)
                        .map(ModelSummary::of));
    }

    /** The model, which version holds each single-holder stage, and a page of versions, newest first. */
    public ModelView get(Caller caller, String orgSlug, String projectSlug, String name, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.MODEL_READ, context -> {
            Model model = find(context, name);
            Optional<Integer> below = page.afterNumber().map(Long::intValue);
            Page<ModelVersion> rows = Page.of(models.versionsNewestFirst(model.id(), below, page.fetchSize()), page,
                    v -> Integer.toString(v.number()));
            Map<UUID, Stage> held = stages.stagesOf(rows.items().stream().map(ModelVersion::id).toList());
            Page<ModelVersionView> versions = rows.map(v -> view(name, v, held.getOrDefault(v.id(),
                    Stage.DEVELOPMENT)));
            return new ModelView(model.name(), model.latestVersion(), model.createdAt(),
                    stages.holder(model.id(), Stage.STAGING).map(ModelStage::versionNumber).orElse(null),
                    stages.holder(model.id(), Stage.PRODUCTION).map(ModelStage::versionNumber).orElse(null),
                    versions);
        });
    }

    public ModelVersionView version(Caller caller, String orgSlug, String projectSlug, String name, int number) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.MODEL_READ, context ->
                view(name, findVersion(context, name, number)));
    }

    /** Where a version's bytes are, after checking that the caller may read them. */
    public StoredContent content(Caller caller, String orgSlug, String projectSlug, String name, int number) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.MODEL_READ, context -> {
            ModelVersion version = findVersion(context, name, number);
            String fallbackName = name + "-v" + number + "." + version.format().label();
            return new StoredContent(context.orgId(), version.artifactSha256(),
                    version.sizeBytes(), "application/octet-stream",
                    Optional.ofNullable(version.fileName()).orElse(fallbackName));
        });
    }

    private ModelVersionView view(String name, ModelVersion version) {
        return view(name, version, stages.stageOf(version.id()));
    }

    private ModelVersionView view(String name, ModelVersion version, Stage stage) {
        return ModelVersionView.of(name, version, stage, trainingData.of(version.id()), null);
    }

    private Model find(ProjectContext context, String name) {
        return models.findByName(context.project().id(), name).orElseThrow(() -> ProblemException.notFound(
                "Model '" + name + "' not found in project '" + context.project().slug() + "'."));
    }

    private ModelVersion findVersion(ProjectContext context, String name, int number) {
        return models.findVersion(find(context, name).id(), number).orElseThrow(() -> ProblemException.notFound(
                "Model '" + name + "' has no version " + number + "."));
    }
}
