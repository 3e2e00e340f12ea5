package io.slipway.deployment;

import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summarizes a deployment's request log over a window for the console's charts: one grouped query (by time step,
 * version and latency class), so the cost is the window's rows read once through the log's index, whichever
 * server answered them.
 */
@ApplicationScoped
public class DeploymentMetricsService {

    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    static final Duration LONGEST_WINDOW = Duration.ofDays(7);
    static final int STEPS = 60;

    private static final String BUCKET = "floor(extract(epoch from r.receivedAt) / %d)";

    private final ProjectAccess access;
    private final DeploymentRepository deployments;
    private final EntityManager em;

    @Inject
    public DeploymentMetricsService(ProjectAccess access, DeploymentRepository deployments, EntityManager em) {
        this.access = access;
        this.deployments = deployments;
        this.em = em;
    }

    protected DeploymentMetricsService() {
        this(null, null, null);
    }

    /** @param window ISO-8601, e.g. {@code PT15M} (the default), between a minute and seven days */
    public DeploymentMetricsView summary(Caller caller, String orgSlug, String projectSlug, String name, String window) {
        Duration span = parse(window);
        long step = Math.max(1, span.toSeconds() / STEPS);
        return access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_READ, context -> {
            Deployment deployment = deployments.require(context, name);
            long last = Instant.now().getEpochSecond() / step;
            long first = last - STEPS + 1;
            Instant from = Instant.ofEpochSecond(first * step);
            String bucket = BUCKET.formatted(step);
            String latencyClass = LatencyHistogram.classExpression("r.latencyMicros");
            List<Object[]> rows = em.createQuery("select " + bucket + ", r.modelVersion, " + latencyClass
                            + ", count(r), sum(case when r.status >= 400 then 1 else 0 end), max(r.latencyMicros)"
                            + " from LoggedRequest r where r.deploymentId = :deployment and r.receivedAt >= :from"
                            + " group by " + bucket + ", r.modelVersion, " + latencyClass, Object[].class)
                    .setParameter("deployment", deployment.id())
                    .setParameter("from", from)
                    .getResultList();
            return summarize(deployment.name(), span, step, first, last, rows);
        });
    }

    private static DeploymentMetricsView summarize(String name, Duration span, long step, long first, long last,
                                                   List<Object[]> rows) {
        Map<Long, Step> steps = new TreeMap<>();
        for (long at = first; at <= last; at++) {
            steps.put(at, new Step());
        }
        Map<Integer, Step> versions = new TreeMap<>(java.util.Comparator.nullsFirst(Integer::compare));
        Step all = new Step();
        for (Object[] row : rows) {
            long at = ((Number) row[0]).longValue();
            Integer version = (Integer) row[1];
            int latencyClass = ((Number) row[2]).intValue();
            long count = ((Number) row[3]).longValue();
            long errors = ((Number) row[4]).longValue();
            long slowest = ((Number) row[5]).longValue();
            for (Step counted : List.of(steps.computeIfAbsent(at, k -> new Step()), all,
                    versions.computeIfAbsent(version, k -> new Step()))) {
                counted.add(latencyClass, count, errors, slowest);
            }
            steps.get(at).byVersion.merge(version == null ? "none" : version.toString(), count, Long::sum);
        }
        List<DeploymentMetricsView.Bucket> series = new ArrayList<>();
        steps.forEach((at, counted) -> {
            if (at >= first && at <= last) {
                series.add(new DeploymentMetricsView.Bucket(Instant.ofEpochSecond(at * step), counted.latencies.total(),
                        counted.errors, counted.latencies.percentileMillis(0.5),
                        counted.latencies.percentileMillis(0.99), counted.byVersion));
            }
        });
        List<DeploymentMetricsView.VersionTotals> byVersion = new ArrayList<>();
        versions.forEach((version, counted) -> byVersion.add(new DeploymentMetricsView.VersionTotals(version,
                counted.latencies.total(), counted.errors, counted.latencies.percentileMillis(0.5),
                counted.latencies.percentileMillis(0.99))));
        DeploymentMetricsView.Totals totals = new DeploymentMetricsView.Totals(all.latencies.total(), all.errors,
                all.latencies.percentileMillis(0.5), all.latencies.percentileMillis(0.95),
                all.latencies.percentileMillis(0.99));
        return new DeploymentMetricsView(name, span.toString(), step, Instant.ofEpochSecond(first * step),
                Instant.ofEpochSecond((last + 1) * step), totals, byVersion, series);
    }

    private static Duration parse(String window) {
        if (window == null || window.isBlank()) {
            return DEFAULT_WINDOW;
        }
        Duration span;
        try {
            span = Duration.parse(window.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("window", "must be an ISO-8601 duration such as PT15M or PT1H");
        }
        if (span.compareTo(Duration.ofMinutes(1)) < 0 || span.compareTo(LONGEST_WINDOW) > 0) {
            throw ProblemException.invalidField("window", "must be between PT1M and P7D");
        }
        return span;
    }

    /** What one step (or version, or the whole window) counted. */
    private static final class Step {
        final LatencyHistogram latencies = new LatencyHistogram();
        final Map<String, Long> byVersion = new LinkedHashMap<>();
        long errors;

        void add(int latencyClass, long count, long errorCount, long slowest) {
            latencies.add(latencyClass, count, slowest);
            errors += errorCount;
        }
    }
}
