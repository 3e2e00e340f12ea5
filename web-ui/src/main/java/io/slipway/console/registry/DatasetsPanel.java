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
import io.slipway.dataset.DatasetService;
import io.slipway.dataset.DatasetSummary;
import io.slipway.dataset.DatasetVersionView;

/**
 * A project's datasets: the upload form (for those who may upload), the datasets, and the versions of the
 * selected one.
 */
public class DatasetsPanel extends Composite<VerticalLayout> {

    private final ProjectScope scope;
    private final DatasetService datasets;
    private final Grid<DatasetSummary> grid = new Grid<>(DatasetSummary.class, false);
    private final DatasetVersionsGrid versions;

    public DatasetsPanel(ProjectScope scope, DatasetService datasets, ArtifactContent content) {
        this.scope = scope;
        this.datasets = datasets;
        this.versions = new DatasetVersionsGrid(scope, datasets, content);
        configureGrid();
        getContent().setPadding(false);
        if (scope.canUpload()) {
            DatasetUploadForm form = new DatasetUploadForm(scope, datasets);
            form.addUploadedListener(event -> uploaded(event.version()));
            getContent().add(form);
        }
        getContent().add(grid, versions);
        reload();
    }

    private void configureGrid() {
        grid.setId("datasets");
        grid.addColumn(DatasetSummary::name).setHeader("Dataset").setFlexGrow(1);
        grid.addColumn(DatasetSummary::latestVersion).setHeader("Latest version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> Times.format(d.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No datasets yet.");
        grid.setHeight("12em");
        ((GridSingleSelectionModel<DatasetSummary>) grid.getSelectionModel()).setDeselectAllowed(false);
        grid.asSingleSelect().addValueChangeListener(event -> {
            // programmatic selections show their versions themselves
            if (event.isFromClient() && event.getValue() != null) {
                versions.show(event.getValue().name());
            }
        });
    }

    private void reload() {
        CursorPaging<DatasetSummary> paging = CursorPaging.of(page ->
                datasets.list(scope.caller(), scope.org(), scope.project(), page));
        grid.setItems(paging::fetch).setIdentifierProvider(DatasetSummary::name);
    }

    /** Shows the new version: the dataset list afresh, the dataset selected, its versions. */
    private void uploaded(DatasetVersionView version) {
        reload();
        grid.select(new DatasetSummary(version.dataset(), version.version(), version.createdAt()));
        versions.show(version.dataset());
    }
}
