package io.slipway.console.pool;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.console.ConsoleUser;
import io.slipway.console.MainLayout;
import io.slipway.pool.PoolService;
import io.slipway.pool.PoolView;
import io.slipway.pool.QuotaView;
import io.slipway.tenancy.OrganizationService;
import io.slipway.tenancy.OrganizationView;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Pools and quotas: every pool with bars for the CPUs, memory and GPUs its runs use of its capacity, and for one of
 * the person's organizations its quota on each pool beside what it uses and its GPU-hours this month (owners see
 * quotas; others are told so).
 */
@Route(value = "pools", layout = MainLayout.class)
@PageTitle("Pools and quotas · Slipway")
public class PoolsView extends VerticalLayout {

    private final PoolService pools;
    private final Caller caller = ConsoleUser.current();
    private final Grid<QuotaView> quotas = new Grid<>(QuotaView.class, false);
    private final Paragraph quotasNote = new Paragraph();

    @Inject
    public PoolsView(PoolService pools, OrganizationService organizations) {
        this.pools = pools;
        add(new H2("Compute pools"));
        Div cards = new Div();
        cards.setId("pools");
        cards.setWidthFull();
        for (PoolView pool : pools.list(caller)) {
            cards.add(card(pool));
        }
        add(cards);
        configureQuotas();
        Select<String> organization = new Select<>();
        organization.setId("quota-organization");
        organization.setLabel("Organization");
        organization.setItems(organizations.listMine(caller, PageRequest.first(PageRequest.MAX_LIMIT)).items()
                .stream().map(OrganizationView::slug).toList());
        organization.addValueChangeListener(e -> showQuotas(e.getValue()));
        quotasNote.setId("quota-note");
        add(new H2("Quotas"), organization, quotasNote, quotas);
        organization.getListDataView().getItems().findFirst().ifPresent(organization::setValue);
    }

    private static Component card(PoolView pool) {
        VerticalLayout card = new VerticalLayout();
        card.setId("pool-" + pool.name());
        card.addClassName("pool-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("margin-bottom", "var(--lumo-space-s)");
        card.add(new Span(pool.name() + " · " + pool.backend() + " · " + (pool.accelerator().equals("none")
                ? "CPU only" : pool.gpusPerNode() + " × " + pool.accelerator() + " per node") + " · " + pool.nodes()
                + (pool.nodes() == 1 ? " node" : " nodes") + " · " + String.join(", ", pool.purposes())));
        card.add(bar("CPUs", pool.inUse().cpus(), pool.capacity().cpus(), pool.name() + "-cpus"));
        card.add(bar("Memory (MiB)", pool.inUse().memoryMib(), pool.capacity().memoryMib(), pool.name() + "-memory"));
        if (pool.capacity().gpus() > 0) {
            card.add(bar("GPUs", pool.inUse().gpus(), pool.capacity().gpus(), pool.name() + "-gpus"));
        }
        Span runs = new Span(pool.runsRunning() + " running, " + pool.runsQueued() + " queued");
        runs.setId("pool-" + pool.name() + "-runs");
        card.add(runs);
        return card;
    }

    private static Component bar(String label, double used, double capacity, String id) {
        ProgressBar bar = new ProgressBar(0, Math.max(capacity, 1e-9), Math.min(used, capacity));
        bar.setId("pool-" + id);
        bar.getElement().setAttribute("aria-label", label);
        Span text = new Span(label + ": " + figure(used) + " of " + figure(capacity) + " in use");
        Div row = new Div(text, bar);
        row.setWidthFull();
        return row;
    }

    private void configureQuotas() {
        quotas.setId("quotas");
        quotas.addColumn(QuotaView::pool).setHeader("Pool").setAutoWidth(true).setFlexGrow(0);
        quotas.addColumn(q -> limit(q.gpusInUse(), q.maxGpus())).setHeader("GPUs").setAutoWidth(true);
        quotas.addColumn(q -> limit(q.runsRunning(), q.maxConcurrentRuns())).setHeader("Concurrent runs")
                .setAutoWidth(true);
        quotas.addColumn(q -> figure(q.gpuHoursThisMonth()) + (q.gpuHoursPerMonth() == null ? " (no limit)"
                : " of " + figure(q.gpuHoursPerMonth()))).setHeader("GPU-hours this month").setAutoWidth(true);
        quotas.addColumn(q -> q.gpuHoursByProject().entrySet().stream().map(e -> e.getKey() + " " + figure(e.getValue()))
                .collect(Collectors.joining(", "))).setHeader("By project").setFlexGrow(1);
        quotas.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        quotas.setAllRowsVisible(true);
    }

    private void showQuotas(String org) {
        try {
            quotas.setItems(pools.quotas(caller, org));
            quotas.setVisible(true);
            quotasNote.setText("What " + org + " may use of each pool and what it uses now.");
        } catch (ProblemException e) {
            quotas.setVisible(false);
            quotasNote.setText(e.status() == 403 ? "The quotas of " + org + " are shown to its owners."
                    : e.getMessage());
        }
    }

    private static String limit(int used, Integer max) {
        return used + " of " + (max == null ? "no limit" : max);
    }

    private static String figure(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
