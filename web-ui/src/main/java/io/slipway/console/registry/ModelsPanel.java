package io.slipway.console.registry;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSingleSelectionModel;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.slipway.artifact.ArtifactContent;
import io.slipway.console.CursorPaging;
import io.slipway.console.Times;
import io.slipway.console.project.ProjectScope;
import io.slipway.console.promotion.PromotionActions;
import io.slipway.lineage.LineageService;
import io.slipway.registry.ModelService;
import io.slipway.registry.ModelSummary;
import io.slipway.registry.ModelUploads;
import io.slipway.registry.ModelVersionView;

/**
 * A project's models: the upload form (for those who may upload), the models, the versions of the selected one
 * (with stage badges, promotion requests, the stage history and rollback) and the lineage of the selected
 * version.
 */
public class ModelsPanel extends Composite<VerticalLayout> {

    private final ProjectScope scope;
    private final ModelService models;
    private final Grid<ModelSummary> grid = new Grid<>(ModelSummary.class, false);
    private final ModelVersionsGrid versions;
    private final LineageList lineage;

    public ModelsPanel(ProjectScope scope, ModelService models, ModelUploads uploads, LineageService lineage,
                       ArtifactContent content, PromotionActions promotions) {
        this.scope = scope;
        this.models = models;
        this.versions = new ModelVersionsGrid(scope, models, content, promotions);
        this.lineage = new LineageList(scope, lineage);
        configureGrid();
        versions.addVersionSelectedListener(event -> this.lineage.show(event.version()));
        getContent().setPadding(false);
        if (scope.canUpload()) {
            ModelUploadForm form = new ModelUploadForm(scope, uploads);
            form.addUploadedListener(event -> uploaded(event.version()));
            getContent().add(form);
        }
        getContent().add(grid, versions, this.lineage);
        reload();
    }

    private void configureGrid() {
        grid.setId("models");
        grid.addColumn(ModelSummary::name).setHeader("Model").setFlexGrow(1);
        grid.addColumn(ModelSummary::latestVersion).setHeader("Latest version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> Times.format(m.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No models yet.");
        grid.setHeight("12em");
        ((GridSingleSelectionModel<ModelSummary>) grid.getSelectionModel()).setDeselectAllowed(false);
        grid.asSingleSelect().addValueChangeListener(event -> {
            // programmatic selections show their versions themselves
            if (event.isFromClient() && event.getValue() != null) {
                open(event.getValue().name());
            }
        });
    }

    private void reload() {
        CursorPaging<ModelSummary> paging = CursorPaging.of(page ->
                models.list(scope.caller(), scope.org(), scope.project(), page));
        grid.setItems(paging::fetch).setIdentifierProvider(ModelSummary::name);
    }

    /** Selects the model and shows its versions (a link named it). */
    void select(String model) {
        grid.select(new ModelSummary(model, 0, null));
        open(model);
    }

    private void open(String model) {
        lineage.show(null);
        versions.show(model);
    }

    /** Shows the new version: the model list afresh, the model selected, its versions. */
    private void uploaded(ModelVersionView version) {
        reload();
        grid.select(new ModelSummary(version.model(), version.version(), version.createdAt()));
        open(version.model());
    }
}
