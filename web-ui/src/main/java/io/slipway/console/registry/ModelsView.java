package io.slipway.console.registry;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import io.slipway.artifact.ArtifactContent;
import io.slipway.console.project.OpenProject;
import io.slipway.console.project.ProjectLayout;
import io.slipway.console.project.ProjectSection;
import io.slipway.console.promotion.PromotionActions;
import io.slipway.lineage.LineageService;
import io.slipway.promotion.PolicyService;
import io.slipway.promotion.PromotionService;
import io.slipway.promotion.StageService;
import io.slipway.registry.ModelService;
import io.slipway.registry.ModelUploads;
import jakarta.inject.Inject;

/** A project's models page; {@code ?model=name} opens that model's versions and stage history. */
@Route(value = "models", layout = ProjectLayout.class)
public class ModelsView extends ProjectSection {

    /** The query parameter naming the model to open. */
    public static final String MODEL_PARAMETER = "model";

    private final ModelService models;
    private final ModelUploads uploads;
    private final LineageService lineage;
    private final ArtifactContent content;
    private final PromotionService promotions;
    private final StageService stages;
    private final PolicyService policies;

    @Inject
    public ModelsView(ModelService models, ModelUploads uploads, LineageService lineage, ArtifactContent content,
                      PromotionService promotions, StageService stages, PolicyService policies) {
        super("Models");
        this.models = models;
        this.uploads = uploads;
        this.lineage = lineage;
        this.content = content;
        this.promotions = promotions;
        this.stages = stages;
        this.policies = policies;
    }

    @Override
    protected void show(OpenProject project, BeforeEnterEvent event) {
        PromotionActions actions = PromotionActions.of(project.scope(), promotions, stages, policies, models);
        ModelsPanel panel = new ModelsPanel(project.scope(), models, uploads, lineage, content, actions);
        add(panel);
        event.getLocation().getQueryParameters().getSingleParameter(MODEL_PARAMETER).ifPresent(panel::select);
    }
}
