package io.slipway.console.promotion;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.console.CursorPaging;
import io.slipway.console.Times;
import io.slipway.console.project.OpenProject;
import io.slipway.console.project.ProjectLayout;
import io.slipway.console.project.ProjectScope;
import io.slipway.console.project.ProjectSection;
import io.slipway.promotion.PromotionOverview;
import io.slipway.promotion.PromotionService;
import io.slipway.promotion.PromotionView;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.Optional;

/**
 * A project's promotion requests, a manager's inbox: pending ones by default, newest first (a filter shows the
 * decided ones, or all with the pending ones first); each opens to its detail. It updates itself while open when a request is made or decided anywhere.
 */
@Route(value = "promotions", layout = ProjectLayout.class)
public class PromotionsView extends ProjectSection {

    static final String ALL = "all";
    /** In the order "all" shows them: pending first, then the decided ones. */
    private static final List<String> STATES = List.of("pending", "approved", "rejected", "superseded");

    private final PromotionService promotions;
    private final LiveUpdates live;
    private final Select<String> state = new Select<>();
    private final Grid<PromotionView> grid = new Grid<>(PromotionView.class, false);
    private final Span count = new Span();
    private ProjectScope scope;

    @Inject
    public PromotionsView(PromotionService promotions, PromotionOverview overview) {
        super("Promotions");
        this.promotions = promotions;
        this.live = new LiveUpdates(this, overview, this::reload);
        count.setId("promotions-pending-count");
        configureFilter();
        configureGrid();
    }

    @Override
    protected void show(OpenProject project, BeforeEnterEvent event) {
        scope = project.scope();
        H3 heading = new H3("Promotion requests");
        heading.getStyle().set("margin", "0");
        Div gap = new Div();
        HorizontalLayout bar = new HorizontalLayout(heading, count, gap, state);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.expand(gap);
        add(bar, grid);
        reload();
        live.follow(scope);
    }

    private void configureFilter() {
        state.setId("promotions-state");
        state.setLabel("Show");
        state.setItems(Stream.concat(STATES.stream(), Stream.of(ALL)).toList());
        state.setItemLabelGenerator(s -> ALL.equals(s) ? "All, pending first" : s.substring(0, 1).toUpperCase() + s.substring(1));
        state.setValue("pending");
        state.setWidth("12rem");
        state.addValueChangeListener(e -> reload());
    }

    private void configureGrid() {
        grid.setId("promotions-inbox");
        grid.addComponentColumn(p -> StageBadge.state(p.state())).setHeader("State").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> p.model() + " v" + p.version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(p -> p.replaces() == null ? "nothing holds " + p.targetStage() + " yet"
                        : "replaces v" + p.replaces());
        grid.addComponentColumn(p -> StageBadge.stage(p.targetStage())).setHeader("To").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(p -> gates(p.gatesPassed())).setHeader("Gates").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.approvals() + " of " + p.approvalsRequired()).setHeader("Approvals")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(PromotionView::requestedBy).setHeader("Requested by").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> Times.format(p.createdAt())).setHeader("Requested").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PromotionView::justification).setHeader("Why").setFlexGrow(1).setWidth("12rem")
                .setTooltipGenerator(PromotionView::justification);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No requests.");
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PromotionDetailView.class,
                PromotionDetailView.parameters(scope.org(), scope.project(), e.getItem().id()))));
    }

    private void reload() {
        if (scope == null) {
            return;
        }
        List<String> states = ALL.equals(state.getValue()) ? STATES : List.of(state.getValue());
        CursorPaging<PromotionView> paging = CursorPaging.concat(states.stream()
                .<Function<PageRequest, Page<PromotionView>>>map(wanted -> page -> promotions.list(scope.caller(),
                        scope.org(), scope.project(), Optional.of(wanted), page)).toList());
        grid.setItems(paging::fetch).setIdentifierProvider(PromotionView::id);
        int pending = promotions.list(scope.caller(), scope.org(), scope.project(), Optional.of("pending"),
                PageRequest.first(100)).items().size();
        count.setText(pending == 0 ? "nothing waiting" : pending + (pending >= 100 ? "+" : "") + " waiting");
        count.getElement().getThemeList().set("badge", pending > 0);
    }

    private static Span gates(boolean passed) {
        Span badge = new Span(passed ? "passed" : "failed");
        badge.getElement().getThemeList().add(passed ? "badge success" : "badge error");
        return badge;
    }
}
