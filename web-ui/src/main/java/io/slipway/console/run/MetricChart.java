package io.slipway.console.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.slipway.api.Json;
import io.slipway.run.RunMetricView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Chart.js line chart of a run's metrics by step, one line per metric. How many points each metric has is also
 * an attribute ({@code data-points}, e.g. {@code accuracy=4,auc=4}) for tests and assistive tools.
 */
@Tag("slipway-metric-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./slipway-metric-chart.js")
final class MetricChart extends Component implements HasSize {

    MetricChart() {
        setId("run-metrics-chart");
        setWidthFull();
        setHeight("14rem");
    }

    void show(Map<String, List<RunMetricView>> metrics) {
        Map<String, Object> series = new LinkedHashMap<>();
        metrics.forEach((name, points) -> series.put(name, points.stream()
                .map(point -> List.of(point.step(), point.value())).toList()));
        try {
            getElement().setAttribute("series", Json.MAPPER.writeValueAsString(series));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart's series did not serialize", e);
        }
        getElement().setAttribute("data-points", String.join(",", metrics.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().size()).toList()));
    }
}
