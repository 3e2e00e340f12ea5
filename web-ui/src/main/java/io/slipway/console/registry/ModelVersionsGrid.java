package io.slipway.console.registry;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import io.slipway.api.PageRequest;
import io.slipway.artifact.ArtifactContent;
import io.slipway.console.CursorPaging;
import io.slipway.console.Times;
import io.slipway.console.artifact.PresignedDownload;
import io.slipway.console.project.ProjectScope;
import io.slipway.console.promotion.PromotionActions;
import io.slipway.console.promotion.PromotionRequestDialog;
import io.slipway.console.promotion.StageBadge;
import io.slipway.console.promotion.StagePanel;
import io.slipway.registry.ModelService;
import io.slipway.registry.ModelVersionView;
import io.slipway.registry.ModelView;

/**
 * The versions of one model, newest first: stage, format, signature, metrics, training data and a download link.
 * Fires {@link VersionSelectedEvent} when a version is chosen.
 */
class ModelVersionsGrid extends Composite<VerticalLayout> {

    private final ProjectScope scope;
    private final ModelService models;
    private final ArtifactContent content;
    private final PromotionActions promotions;
    private final H3 title = new H3();
    private final StagePanel stagePanel;
    private String model;
    private final Grid<ModelVersionView> grid = new Grid<>(ModelVersionView.class, false);

    ModelVersionsGrid(ProjectScope scope, ModelService models, ArtifactContent content, PromotionActions promotions) {
        this.scope = scope;
        this.models = models;
        this.content = content;
        this.promotions = promotions;
        this.stagePanel = new StagePanel(promotions, () -> show(this.model));
        configureGrid();
        title.setId("model-versions-title");
        title.getStyle().set("margin-bottom", "0");
        getContent().setPadding(false);
        getContent().add(title, grid, stagePanel);
        getContent().setVisible(false);
    }

    /** Shows the model's versions, read afresh. */
    void show(String model) {
        this.model = model;
        ModelView view = models.get(scope.caller(), scope.org(), scope.project(), model, PageRequest.first(1));
        title.setText("Versions of " + model);
        stagePanel.show(view);
        CursorPaging<ModelVersionView> paging = CursorPaging.of(page ->
                models.get(scope.caller(), scope.org(), scope.project(), model, page).versions());
        grid.setItems(paging::fetch);
        getContent().setVisible(true);
    }

    void hide() {
        getContent().setVisible(false);
    }

    Registration addVersionSelectedListener(ComponentEventListener<VersionSelectedEvent> listener) {
        return addListener(VersionSelectedEvent.class, listener);
    }

    private void configureGrid() {
        grid.setId("model-versions");
        grid.addColumn(ModelVersionView::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(v -> StageBadge.stage(v.stage())).setHeader("Stage").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ModelVersionView::format).setHeader("Format").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(v -> Formats.orNone(v.fileName()));
        grid.addColumn(v -> v.servable() ? "yes" : "no").setHeader("Servable").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> Formats.signature(v.signature())).setHeader("Signature").setFlexGrow(3);
        grid.addColumn(v -> Formats.metrics(v.metrics())).setHeader("Metrics").setFlexGrow(1);
        grid.addColumn(v -> Formats.list(v.datasets())).setHeader("Trained on").setFlexGrow(1);
        grid.addColumn(ModelVersionView::createdBy).setHeader("Uploaded by").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(v -> Times.format(v.createdAt()));
        grid.addColumn(v -> Formats.size(v.sizeBytes())).setHeader("Size").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(v -> Formats.shortSha(v.sha256())).setHeader("SHA-256").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(ModelVersionView::sha256);
        grid.addComponentColumn(v -> PresignedDownload.link("Download", () -> models.content(scope.caller(),
                        scope.org(), scope.project(), v.model(), v.version()), content))
                .setHeader("").setAutoWidth(true).setFlexGrow(0);
        if (promotions.rights().request()) {
            grid.addComponentColumn(this::requestButton).setHeader("").setAutoWidth(true).setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No versions.");
        grid.setHeight("18em");
        grid.asSingleSelect().addValueChangeListener(event ->
                fireEvent(new VersionSelectedEvent(this, event.getValue())));
    }

    private Span requestButton(ModelVersionView version) {
        Span cell = new Span();
        if (!"production".equals(version.stage())) {
            Button request = new Button("Request promotion", e -> new PromotionRequestDialog(promotions, version,
                    () -> show(version.model())).open());
            request.setId("request-promotion-v" + version.version());
            request.addThemeVariants(ButtonVariant.LUMO_SMALL);
            cell.add(request);
        }
        return cell;
    }

    /** A version was chosen (or the choice cleared: {@code version} is null). */
    static class VersionSelectedEvent extends ComponentEvent<ModelVersionsGrid> {

        private final ModelVersionView version;

        VersionSelectedEvent(ModelVersionsGrid source, ModelVersionView version) {
            super(source, false);
            this.version = version;
        }

        ModelVersionView version() {
            return version;
        }
    }
}
