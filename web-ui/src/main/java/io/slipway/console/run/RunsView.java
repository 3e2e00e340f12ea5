package io.slipway.console.run;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
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
import io.slipway.api.PageRequest;
import io.slipway.console.Times;
import io.slipway.console.project.OpenProject;
import io.slipway.console.project.ProjectLayout;
import io.slipway.console.project.ProjectScope;
import io.slipway.console.project.ProjectSection;
import io.slipway.dataset.DatasetService;
import io.slipway.run.CodeBundleService;
import io.slipway.pool.PoolService;
import io.slipway.run.RunService;
import io.slipway.run.RunView;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A project's runs: state, queue position and reason, who started each; selecting one (or {@code ?run=<id>}) shows
 * its log and metrics. While the page is open the server pushes a refresh every second, so a running run's log and
 * charts grow as it writes them.
 */
@Route(value = "runs", layout = ProjectLayout.class)
public class RunsView extends ProjectSection {

    public static final String RUN_PARAMETER = "run";
    private static final Logger LOG = Logger.getLogger(RunsView.class.getName());
    private static final long REFRESH_MILLIS = 1000;

    private final RunService runs;
    private final PoolService pools;
    private final DatasetService datasets;
    private final CodeBundleService bundles;
    private final Grid<RunView> grid = new Grid<>(RunView.class, false);
    private final Div details = new Div();
    private ProjectScope scope;
    private RunPanel panel;
    private String selected;
    private ScheduledFuture<?> pushing;

    @Inject
    public RunsView(RunService runs, PoolService pools, DatasetService datasets, CodeBundleService bundles) {
        super("Runs");
        this.bundles = bundles;
        this.runs = runs;
        this.pools = pools;
        this.datasets = datasets;
        configureGrid();
        details.setWidthFull();
    }

    @Override
    protected void show(OpenProject project, BeforeEnterEvent event) {
        scope = project.scope();
        boolean mayStart = runs.mayStart(scope.caller(), scope.org(), scope.project());
        panel = new RunPanel(scope, runs, mayStart, this::refresh);
        H3 heading = new H3("Runs");
        heading.getStyle().set("margin", "0");
        Div gap = new Div();
        HorizontalLayout bar = new HorizontalLayout(heading, gap);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.expand(gap);
        if (mayStart) {
            Button create = new Button("New run", VaadinIcon.PLUS.create(), e ->
                    new NewRunDialog(scope, runs, pools, datasets, bundles, started -> {
                        selected = started.id().toString();
                        refresh();
                    }).open());
            create.setId("run-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(create);
        }
        event.getLocation().getQueryParameters().getSingleParameter(RUN_PARAMETER).ifPresent(id -> selected = id);
        add(bar, grid, details);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        try {
            ManagedScheduledExecutorService scheduler = InitialContext.doLookup(
                    "java:comp/DefaultManagedScheduledExecutorService");
            pushing = scheduler.scheduleWithFixedDelay(() -> ui.access(this::refresh), REFRESH_MILLIS,
                    REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        } catch (NamingException e) {
            LOG.log(Level.WARNING, "No scheduler for the Runs page's refresh; it refreshes when reloaded", e);
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (pushing != null) {
            pushing.cancel(false);
            pushing = null;
        }
        super.onDetach(detach);
    }

    private void configureGrid() {
        grid.setId("runs");
        grid.addColumn(RunView::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> run.name() == null ? String.join(" ", run.command()) : run.name()).setHeader("Run")
                .setFlexGrow(1);
        grid.addComponentColumn(run -> state(run.state())).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> run.queueReason() == null ? "" : "#" + run.queuePosition() + " — " + run.queueReason())
                .setHeader("Queue").setFlexGrow(1);
        grid.addColumn(RunView::pool).setHeader("Pool").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RunView::createdBy).setHeader("Started by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> Times.format(run.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No runs yet.");
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                selected = e.getValue() == null ? null : e.getValue().id().toString();
                showSelected(Optional.ofNullable(e.getValue()));
            }
        });
    }

    private void refresh() {
        if (scope == null) {
            return;
        }
        List<RunView> all = runs.list(scope.caller(), scope.org(), scope.project(), PageRequest.first(100)).items();
        grid.setItems(all);
        Optional<RunView> current = all.stream().filter(run -> run.id().toString().equals(selected)).findFirst();
        current.ifPresent(grid::select);
        showSelected(current);
    }

    private void showSelected(Optional<RunView> run) {
        if (run.isEmpty()) {
            details.removeAll();
            return;
        }
        if (details.getChildren().findAny().isEmpty()) {
            details.add(panel);
        }
        panel.show(run.get());
    }

    static Span state(String state) {
        Span badge = new Span(state.replace('_', ' '));
        badge.addClassName("run-state");
        badge.getElement().getThemeList().add(badgeTheme(state));
        return badge;
    }

    /** The badge theme of a run state: success, error, plain while running, contrast while queued. */
    static String badgeTheme(String state) {
        return switch (state) {
            case "succeeded" -> "badge success";
            case "failed", "timed_out" -> "badge error";
            case "running" -> "badge";
            default -> "badge contrast";
        };
    }
}
