package io.slipway.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricGatesTest {

    private static final Gate NOT_WORSE = new Gate("accuracy-not-worse",
            "candidate.metrics.accuracy >= production.metrics.accuracy - 0.005", null);
    private static final Snapshot PRODUCTION = new Snapshot(1, Map.of("accuracy", 0.91, "latency_p95_ms", 20.0),
            Map.of());

    @Test
    void aBetterCandidatePassesAndTheVerdictNamesBothNumbers() {
        GateVerdict verdict = only(NOT_WORSE, candidate(0.93), Optional.of(PRODUCTION), true);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.values()).containsEntry("candidate.metrics.accuracy", 0.93)
                .containsEntry("production.metrics.accuracy", 0.91);
    }

    @Test
    void aWorseCandidateFailsWithTheValuesInTheReason() {
        GateVerdict verdict = only(NOT_WORSE, candidate(0.80), Optional.of(PRODUCTION), true);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reason()).contains("candidate.metrics.accuracy = 0.8")
                .contains("production.metrics.accuracy = 0.91");
    }

    @Test
    void aMissingMetricFailsTheGateNamingIt() {
        Snapshot noAccuracy = new Snapshot(3, Map.of("auc", 0.9), Map.of());

        GateVerdict verdict = only(NOT_WORSE, noAccuracy, Optional.of(PRODUCTION), true);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reason()).isEqualTo("the candidate, version 3, has no metric 'accuracy'");
    }

    @Test
    void withNothingInProductionThePolicyDecides() {
        assertThat(only(NOT_WORSE, candidate(0.5), Optional.empty(), true).passed()).isTrue();
        GateVerdict strict = only(NOT_WORSE, candidate(0.5), Optional.empty(), false);
        assertThat(strict.passed()).isFalse();
        assertThat(strict.reason()).contains("nothing holds production");
    }

    @Test
    void integersCompareWithDecimalsAndParamsAreReadable() {
        Gate latency = new Gate("latency", "candidate.metrics.latency_p95_ms <= production.metrics.latency_p95_ms"
                + " * 1.1 && candidate.params['optimizer'] == 'adam' && candidate.metrics.auc > 0", null);
        Snapshot fast = new Snapshot(2, Map.of("latency_p95_ms", 21.0, "auc", 1.0), Map.of("optimizer", "adam"));

        GateVerdict verdict = only(latency, fast, Optional.of(PRODUCTION), true);

        assertThat(verdict.passed()).as(verdict.reason()).isTrue();
        assertThat(verdict.values()).containsEntry("candidate.params.optimizer", "adam");
    }

    @Test
    void aGateWithASyntaxErrorIsRefusedWithItsPosition() {
        Optional<String> problem = MetricGates.problem(new Gate("broken", "candidate.metrics.accuracy >=", null));

        assertThat(problem).hasValueSatisfying(p -> assertThat(p).startsWith("line 1, column "));
        assertThat(MetricGates.problem(NOT_WORSE)).isEmpty();
    }

    @Test
    void aGateThatIsNotTrueOrFalseIsRefused() {
        assertThat(MetricGates.problem(new Gate("number", "1 + 2", null))).isPresent();
        assertThat(MetricGates.problem(new Gate("unknown", "staging.metrics.x > 1", null))).isPresent();
    }

    @Test
    void gatesApplyOnlyToTheirStages() {
        assertThat(MetricGates.evaluate(List.of(NOT_WORSE), "staging", candidate(0.1), Optional.of(PRODUCTION),
                true)).isEmpty();
    }

    private static Snapshot candidate(double accuracy) {
        return new Snapshot(2, Map.of("accuracy", accuracy), Map.of());
    }

    private static GateVerdict only(Gate gate, Snapshot candidate, Optional<Snapshot> production, boolean pass) {
        List<GateVerdict> verdicts = MetricGates.evaluate(List.of(gate), "production", candidate, production, pass);
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }
}
