package io.slipway.deployment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.slipway.serving.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Serving's live metrics, in the Prometheus format ({@code /metrics}): per deployment and version the requests
 * answered (by status), the errors (by problem code) and a latency histogram; per deployment its queue depth and
 * how many sessions it holds loaded; and the request-log records dropped. Recording a request is a map lookup and
 * three atomic updates: the hot path pays nothing else.
 */
@ApplicationScoped
public class ServingMetrics {

    static final String REQUESTS = "slipway.inference.requests";
    static final String ERRORS = "slipway.inference.errors";
    static final String LATENCY = "slipway.inference.latency";
    static final String QUEUE_DEPTH = "slipway.deployment.queue.depth";
    static final String SESSIONS = "slipway.deployment.sessions.loaded";
    static final String DROPPED = "slipway.request.log.dropped";

    /** Histogram bucket bounds: from half a millisecond to ten seconds. */
    private static final Duration[] BUCKETS = List.of(0.5, 1.0, 2.5, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0,
            1000.0, 2500.0, 10000.0).stream().map(ms -> Duration.ofNanos((long) (ms * 1_000_000))).toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();
    private final Map<UUID, List<Meter>> gauges = new ConcurrentHashMap<>();

    /** Which deployment the series are of: its organization's and project's slugs and its own name. */
    public record Labels(String org, String project, String deployment) {

        Tags tags() {
            return Tags.of("org", org, "project", project, "deployment", deployment);
        }
    }

    private record Key(UUID deploymentId, int version, int status, String errorCode) {
    }

    private record Meters(Counter requests, Counter errors, Timer latency) {
    }

    @Inject
    public ServingMetrics(RequestLog log) {
        Gauge.builder(DROPPED, log, RequestLog::dropped)
                .description("Request-log records dropped because the log's queue was full").register(registry);
    }

    protected ServingMetrics() {
    }

    /** Counts one request that reached the deployment: its answer's status, and its time when a version answered. */
    public void answered(UUID deploymentId, Labels labels, OptionalInt version, int status, String errorCode,
                         long nanos) {
        Key key = new Key(deploymentId, version.orElse(-1), status, errorCode == null ? "" : errorCode);
        Meters counted = meters.computeIfAbsent(key, k -> register(k, labels));
        counted.requests().increment();
        if (status >= 400) {
            counted.errors().increment();
        }
        counted.latency().record(nanos, TimeUnit.NANOSECONDS);
    }

    private Meters register(Key key, Labels labels) {
        Tags tags = labels.tags().and("version", key.version() < 0 ? "none" : Integer.toString(key.version()));
        Counter requests = Counter.builder(REQUESTS).description("Inference requests that reached a deployment")
                .tags(tags.and("status", Integer.toString(key.status()))).register(registry);
        Counter errors = key.status() < 400 ? requests : Counter.builder(ERRORS)
                .description("Inference requests answered with an error, by problem code")
                .tags(tags.and("code", key.errorCode())).register(registry);
        Timer latency = Timer.builder(LATENCY).description("Time from reading the request to the answer")
                .tags(tags).serviceLevelObjectives(BUCKETS).register(registry);
        return new Meters(requests, errors, latency);
    }

    /** Reports a deployment's queue depth and loaded sessions from now on (again after each call: idempotent). */
    public void watch(UUID deploymentId, Labels labels, Route route) {
        gauges.computeIfAbsent(deploymentId, id -> List.of(
                Gauge.builder(QUEUE_DEPTH, route, r -> r.admission().waiting())
                        .description("Requests waiting for a deployment's sessions").tags(labels.tags())
                        .register(registry),
                Gauge.builder(SESSIONS, route, r -> (r.current().isPresent() ? 1 : 0) + (r.previous().isPresent() ? 1 : 0))
                        .description("ONNX Runtime sessions a deployment holds loaded (current and previous)")
                        .tags(labels.tags()).register(registry)));
    }

    /** Drops every series of a deployment that this server no longer serves. */
    public void forget(UUID deploymentId) {
        List<Meter> watched = gauges.remove(deploymentId);
        if (watched != null) {
            watched.forEach(registry::remove);
        }
        meters.keySet().removeIf(key -> {
            if (!key.deploymentId().equals(deploymentId)) {
                return false;
            }
            Meters gone = meters.get(key);
            if (gone != null) {
                registry.remove(gone.requests());
                registry.remove(gone.errors());
                registry.remove(gone.latency());
            }
            return true;
        });
    }

    /** Writes every series in the Prometheus text format. */
    public void scrape(OutputStream out) throws IOException {
        registry.scrape(out);
    }
}
