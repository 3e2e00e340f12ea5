package io.slipway.console.registry;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import io.slipway.artifact.ArtifactContent;
import io.slipway.console.project.OpenProject;
import io.slipway.console.project.ProjectLayout;
import io.slipway.console.project.ProjectSection;
import io.slipway.dataset.DatasetService;
import jakarta.inject.Inject;

/** A project's datasets page. */
@Route(value = "datasets", layout = ProjectLayout.class)
public class DatasetsView extends ProjectSection {

    private final DatasetService datasets;
    private final ArtifactContent content;

    @Inject
    public DatasetsView(DatasetService datasets, ArtifactContent content) {
        super("Datasets");
        this.datasets = datasets;
        this.content = content;
    }

    @Override
    protected void show(OpenProject project, BeforeEnterEvent event) {
        add(new DatasetsPanel(project.scope(), datasets, content));
    }
}
