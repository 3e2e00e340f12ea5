package io.slipway.console.promotion;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.slipway.promotion.Evidence;
import io.slipway.promotion.Gate;
import io.slipway.promotion.GateVerdict;
import io.slipway.promotion.Snapshot;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a promotion is decided on: the candidate's metrics beside the current holder's (metric | candidate |
 * current holder | change), then the gates, each with its verdict, reason and the values it read. Before a
 * request is sent it shows the same metrics and the gates that will be evaluated.
 */
public final class EvidenceView extends Composite<VerticalLayout> {

    private EvidenceView(String idPrefix) {
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().getStyle().set("gap", "var(--lumo-space-s)");
        setId(idPrefix);
    }

    /** The evidence stored with a request, gates with their verdicts. */
    public static EvidenceView of(Evidence evidence, String idPrefix) {
        EvidenceView view = new EvidenceView(idPrefix);
        view.metrics(evidence.candidate(), evidence.current(), idPrefix);
        view.heading("Gates");
        if (evidence.gates().isEmpty()) {
            view.note("The policy has no gates for this stage.");
        } else {
            view.getContent().add(verdicts(evidence.gates(), idPrefix));
        }
        return view;
    }

    /** Before sending: the metrics side by side and the gates the service will evaluate. */
    public static EvidenceView preview(Snapshot candidate, Snapshot current, List<Gate> gates, String stage,
                                       String idPrefix) {
        EvidenceView view = new EvidenceView(idPrefix);
        view.metrics(candidate, current, idPrefix);
        view.heading("Gates for " + stage);
        List<Gate> applying = gates.stream().filter(g -> g.stages().contains(stage)).toList();
        if (applying.isEmpty()) {
            view.note("The policy has no gates for " + stage + ".");
        } else {
            Grid<Gate> grid = new Grid<>(Gate.class, false);
            grid.setId(idPrefix + "-gates");
            grid.addColumn(Gate::name).setHeader("Gate").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(Gate::expression).setHeader("Must hold").setFlexGrow(1);
            style(grid);
            grid.setItems(applying);
            view.getContent().add(grid);
            view.note("The service evaluates the gates when the request is sent, and stores their verdicts with it.");
        }
        return view;
    }

    private void metrics(Snapshot candidate, Snapshot current, String idPrefix) {
        heading("Metrics");
        TreeSet<String> names = new TreeSet<>(candidate.metrics().keySet());
        if (current != null) {
            names.addAll(current.metrics().keySet());
        }
        if (names.isEmpty()) {
            note("Neither version reports metrics.");
            return;
        }
        Grid<String> grid = new Grid<>(String.class, false);
        grid.setId(idPrefix + "-metrics");
        grid.addColumn(name -> name).setHeader("Metric").setFlexGrow(1);
        grid.addColumn(name -> number(candidate.metrics().get(name)))
                .setHeader("Candidate v" + candidate.version()).setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(name -> current == null ? "—" : number(current.metrics().get(name)))
                .setHeader(current == null ? "Current holder (none)" : "Current holder v" + current.version())
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(name -> change(candidate.metrics().get(name),
                        current == null ? null : current.metrics().get(name)))
                .setHeader("Change").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        style(grid);
        grid.setItems(List.copyOf(names));
        getContent().add(grid);
    }

    private static Grid<GateVerdict> verdicts(List<GateVerdict> gates, String idPrefix) {
        Grid<GateVerdict> grid = new Grid<>(GateVerdict.class, false);
        grid.setId(idPrefix + "-gates");
        grid.addColumn(GateVerdict::name).setHeader("Gate").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(GateVerdict::expression);
        grid.addComponentColumn(g -> verdict(g.passed())).setHeader("Verdict").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(g -> g.passed() ? g.expression() : g.reason()).setHeader("Reason").setFlexGrow(2);
        grid.addColumn(g -> values(g.values())).setHeader("Values read").setFlexGrow(2);
        style(grid);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(gates);
        return grid;
    }

    private static Span verdict(boolean passed) {
        Span badge = new Span(passed ? "passed" : "failed");
        badge.getElement().getThemeList().add(passed ? "badge success" : "badge error");
        return badge;
    }

    private static Component change(Double candidate, Double current) {
        if (candidate == null || current == null) {
            return new Span("");
        }
        double delta = candidate - current;
        Span text = new Span((delta > 0 ? "+" : delta < 0 ? "−" : "±") + number(Math.abs(delta)));
        text.getStyle().set("color", delta > 0 ? "var(--lumo-success-text-color)"
                : delta < 0 ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
        return text;
    }

    private static String values(Map<String, Object> values) {
        return values == null ? "" : values.entrySet().stream()
                .map(e -> e.getKey() + " = " + (e.getValue() instanceof Number n ? number(n.doubleValue())
                        : Objects.toString(e.getValue(), "missing")))
                .collect(Collectors.joining(", "));
    }

    static String number(Double value) {
        if (value == null) {
            return "—";
        }
        return new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static void style(Grid<?> grid) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
    }

    private void heading(String text) {
        H4 heading = new H4(text);
        heading.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        getContent().add(heading);
    }

    private void note(String text) {
        Paragraph note = new Paragraph(text);
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0")
                .set("font-size", "var(--lumo-font-size-s)");
        getContent().add(note);
    }
}
