package io.slipway.console.registry;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.slipway.artifact.ArtifactContent;
import io.slipway.console.CursorPaging;
import io.slipway.console.Times;
import io.slipway.console.artifact.PresignedDownload;
import io.slipway.console.project.ProjectScope;
import io.slipway.dataset.DatasetService;
import io.slipway.dataset.DatasetVersionView;

/** The versions of one dataset, newest first, each with a download link. */
class DatasetVersionsGrid extends Composite<VerticalLayout> {

    private final ProjectScope scope;
    private final DatasetService datasets;
    private final ArtifactContent content;
    private final H3 title = new H3();
    private final Grid<DatasetVersionView> grid = new Grid<>(DatasetVersionView.class, false);

    DatasetVersionsGrid(ProjectScope scope, DatasetService datasets, ArtifactContent content) {
        this.scope = scope;
        this.datasets = datasets;
        this.content = content;
        configureGrid();
        title.setId("dataset-versions-title");
        getContent().setPadding(false);
        getContent().add(title, grid);
        getContent().setVisible(false);
    }

    /** Shows the dataset's versions, read afresh. */
    void show(String dataset) {
        title.setText("Versions of " + dataset);
        CursorPaging<DatasetVersionView> paging = CursorPaging.of(page ->
                datasets.get(scope.caller(), scope.org(), scope.project(), dataset, page).versions());
        grid.setItems(paging::fetch);
        getContent().setVisible(true);
    }

    void hide() {
        getContent().setVisible(false);
    }

    private void configureGrid() {
        grid.setId("dataset-versions");
        grid.addColumn(DatasetVersionView::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(v -> Formats.orNone(v.fileName())).setHeader("File").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(v -> v.description() == null ? v.mediaType() : v.description());
        grid.addColumn(v -> Formats.size(v.sizeBytes())).setHeader("Size").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(v -> Formats.orNone(v.rowCount())).setHeader("Rows").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(v -> Formats.columns(v.columns(), v.columnCount())).setHeader("Columns").setFlexGrow(1)
                .setTooltipGenerator(v -> Formats.allColumns(v.columns()));
        grid.addColumn(DatasetVersionView::createdBy).setHeader("Uploaded by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> Times.format(v.createdAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> Formats.shortSha(v.sha256())).setHeader("SHA-256").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(DatasetVersionView::sha256);
        grid.addComponentColumn(v -> PresignedDownload.link("Download", () -> datasets.content(scope.caller(),
                        scope.org(), scope.project(), v.dataset(), v.version()), content))
                .setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No versions.");
        grid.setHeight("18em");
    }
}
