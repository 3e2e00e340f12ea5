package io.slipway.run;

import io.slipway.api.ProblemException;
import io.slipway.auth.Actor;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A run acting with its token ({@link Actor.Run}): it may read its own run and report metrics while it runs, and
 * nothing else; any other run id answers 404, and the token is worthless once the run ended.
 */
@ApplicationScoped
public class RunReports {

    private static final int MAX_METRICS = 100;

    private final Tenancy tenancy;
    private final RunRepository runs;
    private final RunService service;

    @Inject
    public RunReports(Tenancy tenancy, RunRepository runs, RunService service) {
        this.tenancy = tenancy;
        this.runs = runs;
        this.service = service;
    }

    protected RunReports() {
        this(null, null, null);
    }

    /** The run the token belongs to, if it is {@code runId} and still running. */
    public Actor.Run authenticate(String token, String runId) {
        if (token == null || !token.startsWith(RunTokens.PREFIX)) {
            throw ProblemException.unauthorized("A run token (SLIPWAY_RUN_TOKEN) is required.");
        }
        Run run = tenancy.asPlatform(() -> runs.findByTokenHash(RunTokens.hash(token))).orElseThrow(() ->
                ProblemException.unauthorized("This run token is not valid."));
        if (!run.id().toString().equals(runId)) {
            throw ProblemException.notFound("Run '" + runId + "' not found.");
        }
        if (run.state() != RunState.RUNNING) {
            throw ProblemException.unauthorized("This run token is not valid: its run has ended.");
        }
        return new Actor.Run(run.id());
    }

    public RunView read(Actor.Run actor) {
        return inRun(actor, service::view);
    }

    public Map<String, Double> report(Actor.Run actor, RunReport report) {
        if (report == null || report.metrics() == null || report.metrics().isEmpty()) {
            throw ProblemException.invalidField("metrics", "is required: names to numbers");
        }
        if (report.metrics().size() > MAX_METRICS) {
            throw ProblemException.invalidField("metrics", "at most " + MAX_METRICS + " per report");
        }
        report.metrics().forEach((name, value) -> {
            if (name == null || name.isBlank() || name.length() > 128) {
                throw ProblemException.invalidField("metrics", "names are 1-128 characters");
            }
            if (value == null || value.isNaN() || value.isInfinite()) {
                throw ProblemException.invalidField("metrics." + name, "must be a finite number");
            }
        });
        if (report.step() != null && report.step() < 0) {
            throw ProblemException.invalidField("step", "must be 0 or more");
        }
        return inRun(actor, run -> {
            Instant now = RunService.now();
            long step = report.step() != null ? report.step() : nextStep(run.id());
            report.metrics().forEach((name, value) -> runs.metric(run.id(), name, step).ifPresentOrElse(
                    point -> point.update(value, now),
                    () -> runs.store(new RunMetric(run.id(), name, step, value, now))));
            return report.metrics();
        });
    }

    private long nextStep(UUID runId) {
        return runs.metrics(runId).stream().mapToLong(RunMetric::step).max().orElse(-1) + 1;
    }

    private <T> T inRun(Actor.Run actor, java.util.function.Function<Run, T> work) {
        UUID orgId = tenancy.asPlatform(() -> runs.findById(actor.runId()).map(Run::orgId)).orElseThrow(() ->
                ProblemException.notFound("Run '" + actor.runId() + "' not found."));
        return tenancy.asSystemIn(orgId, () -> work.apply(runs.findById(actor.runId()).orElseThrow()));
    }
}
