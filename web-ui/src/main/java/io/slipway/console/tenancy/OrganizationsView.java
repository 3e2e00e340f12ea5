package io.slipway.console.tenancy;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSingleSelectionModel;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.slipway.api.PageRequest;
import io.slipway.auth.Caller;
import io.slipway.console.ConsoleUser;
import io.slipway.console.CursorPaging;
import io.slipway.console.MainLayout;
import io.slipway.console.Times;
import io.slipway.console.project.ProjectLayout;
import io.slipway.console.project.ProjectOverviewView;
import io.slipway.project.ProjectService;
import io.slipway.project.ProjectView;
import io.slipway.tenancy.InvitationService;
import io.slipway.tenancy.OrganizationService;
import io.slipway.tenancy.OrganizationView;
import jakarta.inject.Inject;

/**
 * Home: the invitations the signed-in person may answer, the organizations they belong to and, for the
 * selected one, its projects; clicking a project opens it.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Organizations · Slipway")
public class OrganizationsView extends VerticalLayout {

    private final OrganizationService organizations;
    private final ProjectService projects;
    private final Caller caller = ConsoleUser.current();
    private final Grid<OrganizationView> organizationGrid = new Grid<>(OrganizationView.class, false);
    private final Grid<ProjectView> projectGrid = new Grid<>(ProjectView.class, false);
    private final H2 projectsTitle = new H2("Projects");

    @Inject
    public OrganizationsView(OrganizationService organizations, ProjectService projects,
                             InvitationService invitations) {
        this.organizations = organizations;
        this.projects = projects;
        configureOrganizationGrid();
        configureProjectGrid();
        add(new InvitationsPanel(invitations, caller, this::showOrganizations),
                new H2("Organizations"), organizationGrid, projectsTitle, projectGrid);
        setSizeFull();
        showOrganizations();
    }

    /** Most people belong to one organization: show its projects straight away. */
    private void showOrganizations() {
        CursorPaging<OrganizationView> paging = CursorPaging.of(page -> organizations.listMine(caller, page));
        organizationGrid.setItems(paging::fetch);
        organizations.listMine(caller, PageRequest.first(1)).items().stream().findFirst()
                .ifPresent(organizationGrid::select);
    }

    private void configureOrganizationGrid() {
        organizationGrid.setId("organizations");
        organizationGrid.addColumn(OrganizationView::slug).setHeader("Organization").setAutoWidth(true);
        organizationGrid.addColumn(OrganizationView::name).setHeader("Name").setFlexGrow(1);
        organizationGrid.addColumn(o -> Times.format(o.createdAt())).setHeader("Created").setAutoWidth(true);
        organizationGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        organizationGrid.setAllRowsVisible(true);
        // clicking the open organization again keeps it open
        ((GridSingleSelectionModel<OrganizationView>) organizationGrid.getSelectionModel()).setDeselectAllowed(false);
        organizationGrid.asSingleSelect().addValueChangeListener(event -> showProjects(event.getValue()));
    }

    private void configureProjectGrid() {
        projectGrid.setId("projects");
        projectGrid.addColumn(ProjectView::slug).setHeader("Project").setAutoWidth(true);
        projectGrid.addColumn(ProjectView::name).setHeader("Name").setFlexGrow(1);
        projectGrid.addColumn(ProjectView::yourRole).setHeader("Your role").setAutoWidth(true);
        projectGrid.setAllRowsVisible(true);
        projectGrid.getStyle().set("cursor", "pointer");
        projectGrid.setTooltipGenerator(project -> "Open " + project.slug() + ": its datasets and models");
        projectGrid.addItemClickListener(event -> openProject(event.getItem()));
        projectsTitle.setVisible(false);
        projectGrid.setVisible(false);
    }

    private void openProject(ProjectView project) {
        organizationGrid.asSingleSelect().getOptionalValue().ifPresent(organization ->
                getUI().ifPresent(ui -> ui.navigate(ProjectOverviewView.class,
                        ProjectLayout.parameters(organization.slug(), project.slug()))));
    }

    private void showProjects(OrganizationView organization) {
        boolean selected = organization != null;
        projectsTitle.setVisible(selected);
        projectGrid.setVisible(selected);
        if (selected) {
            projectsTitle.setText("Projects in " + organization.slug());
            CursorPaging<ProjectView> paging = CursorPaging.of(page ->
                    projects.list(caller, organization.slug(), page));
            projectGrid.setItems(paging::fetch);
        }
    }
}
