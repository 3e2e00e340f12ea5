package io.slipway.console.project;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.slipway.api.ProblemException;
import io.slipway.artifact.ArtifactContent;
import io.slipway.auth.Caller;
import io.slipway.auth.ProjectRole;
import io.slipway.console.ConsoleUser;
import io.slipway.console.MainLayout;
import io.slipway.console.registry.DatasetsPanel;
import io.slipway.console.registry.ModelsPanel;
import io.slipway.console.tenancy.OrganizationsView;
import io.slipway.dataset.DatasetService;
import io.slipway.lineage.LineageService;
import io.slipway.project.ProjectService;
import io.slipway.project.ProjectView;
import io.slipway.registry.ModelService;
import io.slipway.registry.ModelUploads;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** One project: its datasets and models, with their versions, downloads and (for data scientists) uploads. */
@Route(value = ProjectDetailView.ROUTE, layout = MainLayout.class)
@JsModule("@vaadin/vaadin-lumo-styles/badge-global.js")
public class ProjectDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "orgs/:org/projects/:project";

    private final ProjectService projects;
    private final DatasetService datasets;
    private final ModelService models;
    private final ModelUploads modelUploads;
    private final LineageService lineage;
    private final ArtifactContent content;
    private final Caller caller = ConsoleUser.current();
    private String title = "Project · Slipway";

    @Inject
    public ProjectDetailView(ProjectService projects, DatasetService datasets, ModelService models,
                             ModelUploads modelUploads, LineageService lineage, ArtifactContent content) {
        this.projects = projects;
        this.datasets = datasets;
        this.models = models;
        this.modelUploads = modelUploads;
        this.lineage = lineage;
        this.content = content;
        setSizeFull();
    }

    /** Parameters for navigating to a project's page. */
    public static RouteParameters parameters(String org, String project) {
        return new RouteParameters(Map.of("org", org, "project", project));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String org = event.getRouteParameters().get("org").orElseThrow();
        String project = event.getRouteParameters().get("project").orElseThrow();
        removeAll();
        try {
            show(org, projects.get(caller, org, project));
        } catch (ProblemException e) {
            title = "Not found · Slipway";
            add(breadcrumbs(org), new H2("Project not available"), new Paragraph(e.getMessage()));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(String org, ProjectView project) {
        title = project.name() + " · " + org + " · Slipway";
        ProjectScope scope = new ProjectScope(org, project.slug(), caller,
                Optional.ofNullable(project.yourRole()).flatMap(ProjectRole::fromLabel));
        add(breadcrumbs(org), header(project, scope));
        if (!scope.canRead()) {
            add(new Paragraph("You own this organization but hold no role in this project; its datasets and "
                    + "models are open to the project's members. A project admin can give you a role."));
            return;
        }
        TabSheet tabs = new TabSheet();
        tabs.setId("project-tabs");
        tabs.setWidthFull();
        tabs.add("Datasets", new DatasetsPanel(scope, datasets, content)).setId("datasets-tab");
        tabs.add("Models", new ModelsPanel(scope, models, modelUploads, lineage, content)).setId("models-tab");
        addAndExpand(tabs);
    }

    private static HorizontalLayout breadcrumbs(String org) {
        HorizontalLayout trail = new HorizontalLayout(new RouterLink("Organizations", OrganizationsView.class),
                new Span("/"), new Span(org));
        trail.setSpacing(true);
        trail.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return trail;
    }

    private static Div header(ProjectView project, ProjectScope scope) {
        H2 name = new H2(project.name());
        name.setId("project-title");
        name.getStyle().set("margin", "0");
        Span slug = new Span(project.slug());
        slug.getElement().getThemeList().add("badge contrast");
        Span role = new Span(project.yourRole() == null ? "no project role" : "your role: " + project.yourRole());
        role.setId("project-role");
        role.getElement().getThemeList().add("badge");
        HorizontalLayout line = new HorizontalLayout(name, slug, role);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Div header = new Div(line);
        if (project.description() != null && !project.description().isBlank()) {
            header.add(new Paragraph(project.description()));
        }
        if (scope.canRead() && !scope.canUpload()) {
            Paragraph readOnly = new Paragraph("You can browse and download; uploading needs the data-scientist "
                    + "role or above.");
            readOnly.setId("read-only-note");
            readOnly.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
            header.add(readOnly);
        }
        return header;
    }
}
