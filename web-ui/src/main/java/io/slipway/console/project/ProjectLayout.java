package io.slipway.console.project;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RoutePrefix;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.auth.ProjectRole;
import io.slipway.console.ConsoleUser;
import io.slipway.console.MainLayout;
import io.slipway.console.deployment.DeploymentsView;
import io.slipway.console.promotion.PromotionsView;
import io.slipway.console.registry.DatasetsView;
import io.slipway.console.registry.ModelsView;
import io.slipway.console.tenancy.OrganizationsView;
import io.slipway.project.ProjectService;
import io.slipway.project.ProjectView;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One project's frame: breadcrumbs, the project's header and a side navigation to its pages (overview, datasets,
 * models, promotions), each a child route that loads its own data on navigation. The layout loads the project
 * first (parent layouts are entered before their children) and leaves it for the page in {@link #current()}.
 */
@RoutePrefix(ProjectLayout.PREFIX)
@ParentLayout(MainLayout.class)
@JsModule("@vaadin/vaadin-lumo-styles/badge-global.js")
public class ProjectLayout extends HorizontalLayout implements RouterLayout, BeforeEnterObserver {

    static final String PREFIX = "orgs/:org/projects/:project";

    private final ProjectService projects;
    private final Caller caller = ConsoleUser.current();
    private final SideNav nav = new SideNav();
    private final VerticalLayout main = new VerticalLayout();
    private final Div header = new Div();
    private final Div content = new Div();

    @Inject
    public ProjectLayout(ProjectService projects) {
        this.projects = projects;
        setSizeFull();
        setSpacing(false);
        nav.setId("project-nav");
        nav.setWidth("14rem");
        Div side = new Div(nav);
        side.getStyle().set("flex", "none").set("padding", "var(--lumo-space-m) var(--lumo-space-s)")
                .set("border-right", "1px solid var(--lumo-contrast-10pct)").set("box-sizing", "border-box");
        side.setHeightFull();
        content.setWidthFull();
        content.getStyle().set("flex", "1 1 auto").set("min-height", "0");
        main.setSpacing(false);
        main.getStyle().set("gap", "var(--lumo-space-s)").set("overflow", "auto");
        main.add(header, content);
        add(side);
        addAndExpand(main);
    }

    /** Parameters for navigating to one of a project's pages. */
    public static RouteParameters parameters(String org, String project) {
        return new RouteParameters(Map.of("org", org, "project", project));
    }

    /** The project this navigation opened, if the layout could load it and the person may read it. */
    public static Optional<OpenProject> current() {
        return Optional.ofNullable(UI.getCurrent()).map(ui -> ComponentUtil.getData(ui, OpenProject.class))
                .filter(open -> open.scope().canRead());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String org = event.getRouteParameters().get("org").orElseThrow();
        String project = event.getRouteParameters().get("project").orElseThrow();
        UI ui = event.getUI();
        ComponentUtil.setData(ui, OpenProject.class, null);
        header.removeAll();
        try {
            ProjectView view = projects.get(caller, org, project);
            ProjectScope scope = new ProjectScope(org, view.slug(), caller,
                    Optional.ofNullable(view.yourRole()).flatMap(ProjectRole::fromLabel));
            ComponentUtil.setData(ui, OpenProject.class, new OpenProject(view, scope));
            header.add(breadcrumbs(org, view), header(view, scope));
            if (!scope.canRead()) {
                header.add(new Paragraph("You own this organization but hold no role in this project; its "
                        + "datasets and models are open to the project's members. A project admin can give you "
                        + "a role."));
            }
            showNav(org, view.slug(), scope.canRead());
        } catch (ProblemException e) {
            header.add(breadcrumbs(org, null), new H2("Project not available"), new Paragraph(e.getMessage()));
            showNav(org, project, false);
        }
    }

    @Override
    public void showRouterLayoutContent(HasElement page) {
        content.removeAll();
        if (page != null) {
            content.getElement().appendChild(Objects.requireNonNull(page.getElement()));
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        content.removeAll();
    }

    private void showNav(String org, String project, boolean canRead) {
        nav.removeAll();
        nav.setVisible(canRead);
        RouteParameters parameters = parameters(org, project);
        nav.addItem(item("Overview", "nav-overview", ProjectOverviewView.class, parameters, VaadinIcon.DASHBOARD),
                item("Datasets", "nav-datasets", DatasetsView.class, parameters, VaadinIcon.TABLE),
                item("Models", "nav-models", ModelsView.class, parameters, VaadinIcon.CUBES));
        SideNavItem promotions = item("Promotions", "nav-promotions", PromotionsView.class, parameters,
                VaadinIcon.INBOX);
        promotions.setMatchNested(true);
        nav.addItem(promotions);
        nav.addItem(item("Runs", "nav-runs", io.slipway.console.run.RunsView.class, parameters, VaadinIcon.PLAY_CIRCLE));
        nav.addItem(item("Deployments", "nav-deployments", DeploymentsView.class, parameters, VaadinIcon.SERVER));
    }

    private static SideNavItem item(String label, String id, Class<? extends com.vaadin.flow.component.Component> view,
                                    RouteParameters parameters, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(label, view, parameters, icon.create());
        item.setId(id);
        return item;
    }

    private static HorizontalLayout breadcrumbs(String org, ProjectView project) {
        HorizontalLayout trail = new HorizontalLayout(new RouterLink("Organizations", OrganizationsView.class),
                new Span("/"), new Span(org));
        if (project != null) {
            trail.add(new Span("/"), new RouterLink(project.name(), ProjectOverviewView.class,
                    parameters(org, project.slug())));
        }
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
        line.getStyle().set("margin-top", "var(--lumo-space-s)");
        Div header = new Div(line);
        if (project.description() != null && !project.description().isBlank()) {
            Paragraph description = new Paragraph(project.description());
            description.getStyle().set("margin", "var(--lumo-space-xs) 0 0 0");
            header.add(description);
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
