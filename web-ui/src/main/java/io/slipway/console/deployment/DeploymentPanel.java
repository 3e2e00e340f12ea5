package io.slipway.console.deployment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.slipway.api.PageRequest;
import io.slipway.console.project.ProjectScope;
import io.slipway.console.promotion.PromotionActions;
import io.slipway.console.promotion.RollbackDialog;
import io.slipway.deployment.DeploymentMetricsService;
import io.slipway.deployment.DeploymentMetricsView;
import io.slipway.deployment.DeploymentView;
import io.slipway.deployment.RequestLogService;
import io.slipway.deployment.RequestLogView;
import io.slipway.registry.SignatureView;
import io.slipway.promotion.StageChangeView;
import io.slipway.serving.TensorType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One deployment in detail: its state and versions, where and how to call it (a curl line to copy), Roll back for
 * one that follows a stage (to those who may), its requests and latency over the last 15 minutes as charts, the
 * history of the stage it follows, and its latest requests. Charts and history are read every few seconds, and at
 * once when the answering version changes; the rest on every refresh.
 */
final class DeploymentPanel {

    private static final int LOG_ROWS = 50;
    private static final int HISTORY_ROWS = 10;
    private static final String CHART_WINDOW = "PT15M";
    private static final long CHART_EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final ProjectScope scope;
    private final RequestLogService requestLog;
    private final DeploymentMetricsService metrics;
    private final PromotionActions actions;
    private final Runnable changed;
    private final VerticalLayout layout = new VerticalLayout();
    private final H4 title = new H4();
    private final Span state = new Span();
    private final Span versions = new Span();
    private final Code baseUrl = new Code();
    private final TextArea curl = new TextArea("Call it");
    private final HorizontalLayout actionsBar = new HorizontalLayout();
    private final Grid<RequestLogView> log = new Grid<>(RequestLogView.class, false);
    private final Span totals = new Span();
    private final RequestChart requestsChart = new RequestChart(RequestChart.Kind.REQUESTS, "deployment-requests-chart");
    private final RequestChart latencyChart = new RequestChart(RequestChart.Kind.LATENCY, "deployment-latency-chart");
    private final H4 historyTitle = new H4();
    private final Grid<StageChangeView> history = new Grid<>(StageChangeView.class, false);
    private String chartedName;
    private Integer chartedVersion;
    private long chartedAt;

    DeploymentPanel(ProjectScope scope, RequestLogService requestLog, DeploymentMetricsService metrics,
                    PromotionActions actions, Runnable changed) {
        this.scope = scope;
        this.requestLog = requestLog;
        this.metrics = metrics;
        this.actions = actions;
        this.changed = changed;
        layout.setId("deployment-details");
        layout.setPadding(false);
        title.getStyle().set("margin", "var(--lumo-space-m) 0 0 0");
        state.setId("deployment-state");
        versions.setId("deployment-versions");
        baseUrl.setId("deployment-base-url");
        curl.setId("deployment-curl");
        curl.setReadOnly(true);
        curl.setWidthFull();
        curl.getElement().executeJs("this.inputElement.style.fontFamily = 'var(--lumo-font-family-monospace, monospace)';"
                + "this.inputElement.style.fontSize = 'var(--lumo-font-size-s)';");
        configureLog();
        HorizontalLayout status = new HorizontalLayout(state, versions);
        status.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout where = new HorizontalLayout(new Span("Base URL (Open Inference Protocol)"), baseUrl);
        where.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        configureHistory();
        H4 charts = new H4("Last 15 minutes");
        charts.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        totals.setId("deployment-totals");
        totals.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout chartRow = new HorizontalLayout(requestsChart, latencyChart);
        chartRow.setWidthFull();
        H4 requests = new H4("Latest requests");
        requests.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        historyTitle.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        layout.add(title, status, actionsBar, where, curl, charts, totals, chartRow, historyTitle, history, requests, log);
    }

    /** The panel showing {@code deployment} as it is now. */
    Component show(DeploymentView deployment) {
        title.setText(deployment.name() + " · " + deployment.model());
        state.removeAll();
        state.add(DeploymentsView.state(deployment.state()));
        versions.setText(describeVersions(deployment));
        baseUrl.setText(deployment.baseUrl());
        curl.setValue(curl(deployment));
        actionsBar.removeAll();
        rollBack(deployment).ifPresent(actionsBar::add);
        if (!deployment.name().equals(chartedName) || !Objects.equals(deployment.servingVersion(), chartedVersion)
                || System.nanoTime() - chartedAt > CHART_EVERY_NANOS) {
            chart(deployment);
        }
        log.setItems(requestLog.page(scope.caller(), scope.org(), scope.project(), deployment.name(),
                new RequestLogService.Filter(Optional.empty(), Optional.empty()), PageRequest.first(LOG_ROWS)).items());
        return layout;
    }

    private void chart(DeploymentView deployment) {
        DeploymentMetricsView window = metrics.summary(scope.caller(), scope.org(), scope.project(), deployment.name(),
                CHART_WINDOW);
        requestsChart.show(window);
        latencyChart.show(window);
        DeploymentMetricsView.Totals all = window.totals();
        totals.setText(all.requests() == 0 ? "No requests in the last 15 minutes."
                : String.format(Locale.ROOT, "%,d %s, %,d %s; p50 ≤ %s, p99 ≤ %s", all.requests(),
                all.requests() == 1 ? "request" : "requests", all.errors(), all.errors() == 1 ? "error" : "errors",
                millis(all.p50Ms()), millis(all.p99Ms())));
        boolean follows = deployment.stage() != null;
        historyTitle.setVisible(follows);
        history.setVisible(follows);
        if (follows) {
            historyTitle.setText("History of " + deployment.stage() + " (" + deployment.model() + ")");
            history.setItems(actions.stages().history(scope.caller(), scope.org(), scope.project(), deployment.model(),
                    deployment.stage(), PageRequest.first(HISTORY_ROWS)).items());
        }
        chartedName = deployment.name();
        chartedVersion = deployment.servingVersion();
        chartedAt = System.nanoTime();
    }

    private static String millis(Double ms) {
        return ms == null ? "–" : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    private void configureHistory() {
        history.setId("deployment-stage-history");
        history.addColumn(c -> RECEIVED.format(c.at())).setHeader("When (UTC)").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(c -> version(c.fromVersion()) + " → " + version(c.toVersion())).setHeader("Change")
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(StageChangeView::cause).setHeader("Cause").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(c -> c.actor().name()).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(c -> c.reason() == null ? "" : c.reason()).setHeader("Reason").setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.setEmptyStateText("No changes yet.");
        history.setAllRowsVisible(true);
    }

    private static String version(Integer number) {
        return number == null ? "–" : "v" + number;
    }

    private Optional<Button> rollBack(DeploymentView deployment) {
        if (deployment.stage() == null || deployment.servingVersion() == null || !actions.rights().rollBack()) {
            return Optional.empty();
        }
        int holder = deployment.servingVersion();
        Button button = new Button("Roll back " + deployment.stage(), VaadinIcon.ARROW_BACKWARD.create(), e ->
                new RollbackDialog(actions, deployment.model(), deployment.stage(), holder, change -> {
                    Notification.show("Rolled back " + deployment.stage() + " of " + deployment.model()
                                    + " to version " + change.toVersion() + "; " + deployment.name() + " switches now.",
                            5000, Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    chartedAt = 0;
                    changed.run();
                }).open());
        button.setId("deployment-rollback");
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return Optional.of(button);
    }

    private void configureLog() {
        log.setId("deployment-log");
        log.addColumn(r -> RECEIVED.format(r.receivedAt())).setHeader("Received (UTC)").setAutoWidth(true).setFlexGrow(0);
        log.addColumn(r -> r.version() == null ? "–" : "v" + r.version()).setHeader("Version").setAutoWidth(true)
                .setFlexGrow(0);
        log.addColumn(RequestLogView::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        log.addColumn(r -> String.format(Locale.ROOT, "%.1f ms", r.latencyMs())).setHeader("Latency")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        log.addColumn(r -> r.actor().name()).setHeader("Caller").setAutoWidth(true).setFlexGrow(0);
        log.addColumn(r -> r.errorCode() == null ? "" : r.errorCode()).setHeader("Error").setAutoWidth(true)
                .setFlexGrow(0);
        log.addColumn(r -> r.requestId().toString()).setHeader("Request id").setFlexGrow(1);
        log.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        log.setEmptyStateText("No requests yet.");
        log.setAllRowsVisible(true);
    }

    private static String describeVersions(DeploymentView deployment) {
        if (deployment.servingVersion() == null) {
            return deployment.reason() == null ? "nothing loaded yet" : deployment.reason();
        }
        String answering = "v" + deployment.servingVersion() + " answers"
                + (deployment.previousVersion() == null ? "" : ", v" + deployment.previousVersion() + " kept for rollback");
        return deployment.reason() == null ? answering : answering + ". " + deployment.reason();
    }

    /** A request for the version answering now, with zeros for every input small enough to spell out. */
    private String curl(DeploymentView deployment) {
        String inputs = "{\"name\":\"…\",\"shape\":[…],\"datatype\":\"FP32\",\"data\":[…]}";
        if (deployment.servingVersion() != null) {
            SignatureView signature = actions.models().version(scope.caller(), scope.org(), scope.project(),
                    deployment.model(), deployment.servingVersion()).signature();
            if (signature != null) {
                inputs = String.join(",", signature.inputs().stream().map(DeploymentPanel::exampleInput).toList());
            }
        }
        return "curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n"
                + "  \"$SLIPWAY" + deployment.inferUrl() + "\" \\\n"
                + "  -d '{\"inputs\":[" + inputs + "]}'";
    }

    private static String exampleInput(SignatureView.Tensor input) {
        List<Long> shape = input.shape().stream().map(d -> d < 0 ? 1L : d).toList();
        long count = shape.stream().reduce(1L, Math::multiplyExact);
        String datatype = TensorType.ofOnnxName(input.elementType()).map(TensorType::protocolName)
                .orElse(input.elementType().toUpperCase(Locale.ROOT));
        String zero = "FP32".equals(datatype) || "FP64".equals(datatype) ? "0.0" : "BOOL".equals(datatype) ? "false" : "0";
        String data = count <= 64 ? String.join(",", Collections.nCopies((int) count, zero)) : "…";
        return "{\"name\":\"" + input.name() + "\",\"shape\":" + shape.toString().replace(" ", "")
                + ",\"datatype\":\"" + datatype + "\",\"data\":[" + data + "]}";
    }
}
