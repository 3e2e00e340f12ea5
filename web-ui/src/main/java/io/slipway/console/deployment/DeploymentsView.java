package io.slipway.console.deployment;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.slipway.api.PageRequest;
import io.slipway.console.project.OpenProject;
import io.slipway.console.project.ProjectLayout;
import io.slipway.console.project.ProjectScope;
import io.slipway.console.project.ProjectSection;
import io.slipway.console.promotion.PromotionActions;
import io.slipway.console.promotion.StageBadge;
import io.slipway.deployment.DeploymentMetricsService;
import io.slipway.deployment.DeploymentRights;
import io.slipway.deployment.DeploymentService;
import io.slipway.deployment.DeploymentView;
import io.slipway.deployment.RequestLogService;
import io.slipway.promotion.PolicyService;
import io.slipway.promotion.PromotionService;
import io.slipway.promotion.StageService;
import io.slipway.registry.ModelService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * A project's deployments: each one's state, the version answering and the one kept for rollback; selecting one
 * shows where to call it, its request log and (for a deployment that follows a stage) Roll back. While the page
 * is open it refreshes every second, so a switch shows as it happens.
 */
@Route(value = "deployments", layout = ProjectLayout.class)
public class DeploymentsView extends ProjectSection {

    private static final int REFRESH_MILLIS = 1000;

    private final DeploymentService deployments;
    private final RequestLogService requestLog;
    private final DeploymentMetricsService metrics;
    private final PromotionService promotions;
    private final StageService stages;
    private final PolicyService policies;
    private final ModelService models;
    private final Grid<DeploymentView> grid = new Grid<>(DeploymentView.class, false);
    private final Div details = new Div();
    private ProjectScope scope;
    private DeploymentPanel panel;
    private String selected;
    private Registration polling;

    @Inject
    public DeploymentsView(DeploymentService deployments, RequestLogService requestLog,
                           DeploymentMetricsService metrics, PromotionService promotions,
                           StageService stages, PolicyService policies, ModelService models) {
        super("Deployments");
        this.deployments = deployments;
        this.requestLog = requestLog;
        this.metrics = metrics;
        this.promotions = promotions;
        this.stages = stages;
        this.policies = policies;
        this.models = models;
        configureGrid();
        details.setWidthFull();
    }

    @Override
    protected void show(OpenProject project, BeforeEnterEvent event) {
        scope = project.scope();
        DeploymentRights rights = deployments.rights(scope.caller(), scope.org(), scope.project());
        PromotionActions actions = PromotionActions.of(scope, promotions, stages, policies, models);
        panel = new DeploymentPanel(scope, requestLog, metrics, actions, this::refresh);
        H3 heading = new H3("Deployments");
        heading.getStyle().set("margin", "0");
        Div gap = new Div();
        HorizontalLayout bar = new HorizontalLayout(heading, gap);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.expand(gap);
        if (rights.manage()) {
            Button create = new Button("New deployment", VaadinIcon.PLUS.create(), e ->
                    new NewDeploymentDialog(scope, deployments, models, rights, created -> {
                        selected = created.name();
                        refresh();
                    }).open());
            create.setId("deployment-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(create);
        }
        add(bar, grid, details);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        attach.getUI().setPollInterval(REFRESH_MILLIS);
        polling = attach.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detach.getUI().setPollInterval(-1);
        super.onDetach(detach);
    }

    private void configureGrid() {
        grid.setId("deployments");
        grid.addColumn(DeploymentView::name).setHeader("Deployment").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeploymentView::model).setHeader("Model").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(DeploymentsView::follows).setHeader("Serves").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(d -> state(d.state())).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.servingVersion() == null ? "–" : "v" + d.servingVersion()).setHeader("Answering")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.previousVersion() == null ? "–" : "v" + d.previousVersion()).setHeader("Kept for rollback")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.reason() == null ? "" : d.reason()).setHeader("Reason").setFlexGrow(1)
                .setTooltipGenerator(d -> d.reason() == null ? "" : d.reason());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No deployments yet.");
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                selected = e.getValue() == null ? null : e.getValue().name();
                showSelected(Optional.ofNullable(e.getValue()));
            }
        });
    }

    private void refresh() {
        if (scope == null) {
            return;
        }
        List<DeploymentView> all = deployments.list(scope.caller(), scope.org(), scope.project(),
                PageRequest.first(PageRequest.MAX_LIMIT)).items();
        grid.setItems(all);
        Optional<DeploymentView> current = all.stream().filter(d -> d.name().equals(selected)).findFirst();
        current.ifPresent(grid::select);
        showSelected(current);
    }

    private void showSelected(Optional<DeploymentView> deployment) {
        details.removeAll();
        deployment.ifPresent(d -> details.add(panel.show(d)));
    }

    private static Span follows(DeploymentView deployment) {
        if (deployment.stage() != null) {
            return StageBadge.stage(deployment.stage());
        }
        Span pinned = new Span("v" + deployment.version() + " pinned");
        pinned.getElement().getThemeList().add("badge contrast");
        return pinned;
    }

    static Span state(String state) {
        Span badge = new Span(state);
        badge.addClassName("deployment-state");
        switch (state) {
            case "ready" -> badge.getElement().getThemeList().add("badge success");
            case "failed" -> badge.getElement().getThemeList().add("badge error");
            default -> badge.getElement().getThemeList().add("badge");
        }
        return badge;
    }
}
