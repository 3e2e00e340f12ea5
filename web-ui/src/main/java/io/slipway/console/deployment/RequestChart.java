package io.slipway.console.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.slipway.api.Json;
import io.slipway.deployment.DeploymentMetricsView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Chart.js chart of a deployment's requests over a window: requests per step stacked by the version that
 * answered (with errors), or its latency percentiles. The totals it shows are also attributes
 * ({@code data-requests}, {@code data-versions}) for tests and assistive tools.
 */
@Tag("slipway-request-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./slipway-request-chart.js")
final class RequestChart extends Component implements HasSize {

    private static final DateTimeFormatter STEP = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** What the chart shows. */
    enum Kind { REQUESTS, LATENCY }

    private final Kind kind;

    RequestChart(Kind kind, String id) {
        this.kind = kind;
        setId(id);
        setWidthFull();
        setHeight("12rem");
    }

    void show(DeploymentMetricsView metrics) {
        List<String> labels = new ArrayList<>();
        List<Long> errors = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        TreeSet<String> versions = new TreeSet<>();
        metrics.series().forEach(step -> versions.addAll(step.byVersion().keySet()));
        Map<String, List<Long>> byVersion = new LinkedHashMap<>();
        versions.forEach(version -> byVersion.put(version, new ArrayList<>()));
        for (DeploymentMetricsView.Bucket step : metrics.series()) {
            labels.add(STEP.format(step.start()));
            errors.add(step.errors());
            p50.add(step.p50Ms());
            p99.add(step.p99Ms());
            byVersion.forEach((version, counts) -> counts.add(step.byVersion().getOrDefault(version, 0L)));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("kind", kind == Kind.LATENCY ? "latency" : "requests");
        series.put("step", metrics.bucketSeconds() + " s");
        series.put("labels", labels);
        series.put("byVersion", byVersion);
        series.put("errors", errors);
        series.put("p50", p50);
        series.put("p99", p99);
        try {
            getElement().setAttribute("series", Json.MAPPER.writeValueAsString(series));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart's series did not serialize", e);
        }
        getElement().setAttribute("data-requests", Long.toString(metrics.totals().requests()));
        getElement().setAttribute("data-versions", String.join(",", versions));
    }
}
