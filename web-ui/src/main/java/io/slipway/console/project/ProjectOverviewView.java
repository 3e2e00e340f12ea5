package io.slipway.console.project;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.slipway.console.CursorPaging;
import io.slipway.console.Times;
import io.slipway.console.promotion.StageBadge;
import io.slipway.console.registry.ModelsView;
import io.slipway.promotion.ModelStages;
import io.slipway.promotion.PromotionOverview;
import jakarta.inject.Inject;
import java.util.Map;

/** A project at a glance: for each model, which versions hold staging and production and what waits for approval. */
@Route(value = "", layout = ProjectLayout.class)
public class ProjectOverviewView extends ProjectSection {

    private final PromotionOverview overview;

    @Inject
    public ProjectOverviewView(PromotionOverview overview) {
        super("Overview");
        this.overview = overview;
    }

    @Override
    protected void show(OpenProject project, BeforeEnterEvent event) {
        ProjectScope scope = project.scope();
        H3 heading = new H3("Models and their stages");
        heading.getStyle().set("margin", "0");
        Paragraph hint = new Paragraph("Which version of each model holds staging and production, and how many "
                + "promotion requests wait for a decision.");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        Grid<ModelStages> grid = new Grid<>(ModelStages.class, false);
        grid.setId("overview-models");
        grid.addComponentColumn(m -> modelLink(scope, m.model())).setHeader("Model").setFlexGrow(1);
        grid.addComponentColumn(m -> StageBadge.holder("production", m.production())).setHeader("Production")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> StageBadge.holder("staging", m.staging())).setHeader("Staging")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> pending(m.pendingRequests())).setHeader("Waiting for approval")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(ModelStages::latestVersion).setHeader("Latest version").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(m -> Times.format(m.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No models yet. Upload one under Models.");
        grid.setAllRowsVisible(true);
        CursorPaging<ModelStages> paging = CursorPaging.of(page ->
                overview.models(scope.caller(), scope.org(), scope.project(), page));
        grid.setItems(paging::fetch);
        add(heading, hint, grid);
    }

    private static Span pending(int count) {
        Span text = new Span(count == 0 ? "—" : Integer.toString(count));
        if (count > 0) {
            text.getElement().getThemeList().add("badge");
        }
        return text;
    }

    /** To the model's versions and stage history on the Models page. */
    private static RouterLink modelLink(ProjectScope scope, String model) {
        RouterLink link = new RouterLink(model, ModelsView.class, ProjectLayout.parameters(scope.org(),
                scope.project()));
        link.setQueryParameters(QueryParameters.simple(Map.of(ModelsView.MODEL_PARAMETER, model)));
        return link;
    }
}
