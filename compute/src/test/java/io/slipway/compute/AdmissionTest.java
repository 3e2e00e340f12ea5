package io.slipway.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private static final Resources POOL = new Resources(8000, 32768, 4);
    private static final Resources SMALL = new Resources(1000, 1024, 0);
    private static final Resources ONE_GPU = new Resources(1000, 1024, 1);
    private final UUID acme = UUID.randomUUID();
    private final UUID globex = UUID.randomUUID();
    private final Instant t0 = Instant.parse("2026-12-04T10:00:00Z");

    private Admission.Candidate run(UUID org, int second, Resources request) {
        return new Admission.Candidate(UUID.randomUUID(), org, org == acme ? "acme" : "globex",
                t0.plusSeconds(second), request);
    }

    private static Quota runs(int max) {
        return new Quota(OptionalInt.empty(), OptionalInt.of(max), OptionalDouble.empty());
    }

    @Test
    void anOrganizationAtItsConcurrentRunQuotaWaitsWithTheReasonWhileAnotherStarts() {
        var acmeSecond = run(acme, 1, SMALL);
        var globexRun = run(globex, 2, SMALL);
        var decision = Admission.decide("local-cpu", POOL, POOL.minus(SMALL), List.of(acmeSecond, globexRun),
                Map.of(acme, new Admission.Usage(SMALL, 1, 0)), Map.of(acme, runs(1)));

        assertThat(decision.admitted()).containsExactly(globexRun.runId());
        assertThat(decision.waiting().get(acmeSecond.runId()))
                .isEqualTo("quota: acme has 1 of 1 concurrent run on local-cpu running");
    }

    @Test
    void withinAnOrganizationRunsStartInTheOrderTheyWereQueued() {
        var first = run(acme, 1, SMALL);
        var second = run(acme, 2, SMALL);
        var decision = Admission.decide("local-cpu", POOL, POOL, List.of(first, second), Map.of(),
                Map.of(acme, runs(1)));

        assertThat(decision.admitted()).containsExactly(first.runId());
        assertThat(decision.waiting()).containsOnlyKeys(second.runId());
    }

    @Test
    void theOrganizationUsingTheSmallestShareOfItsQuotaGoesFirst() {
        // acme queued first but already uses 2 of its 4 GPUs; globex uses none of its 4
        var acmeRun = run(acme, 1, ONE_GPU);
        var globexRun = run(globex, 2, ONE_GPU);
        Quota fourGpus = new Quota(OptionalInt.of(4), OptionalInt.empty(), OptionalDouble.empty());
        Resources free = new Resources(8000, 32768, 1);
        var decision = Admission.decide("gpu", POOL, free, List.of(acmeRun, globexRun),
                Map.of(acme, new Admission.Usage(new Resources(2000, 2048, 2), 2, 0)),
                Map.of(acme, fourGpus, globex, fourGpus));

        assertThat(decision.admitted()).containsExactly(globexRun.runId());
        assertThat(decision.waiting().get(acmeRun.runId())).startsWith("capacity: gpu has 7 CPUs, 31744 MiB, 0 GPUs free");
    }

    @Test
    void aRunTooLargeForWhatIsFreeWaitsWhileASmallerOneOfAnotherOrganizationStarts() {
        var big = run(acme, 1, new Resources(6000, 1024, 0));
        var small = run(globex, 2, SMALL);
        var decision = Admission.decide("local-cpu", POOL, new Resources(2000, 32768, 4), List.of(big, small),
                Map.of(), Map.of());

        assertThat(decision.admitted()).containsExactly(small.runId());
        assertThat(decision.waiting().get(big.runId())).contains("this run needs 6 CPUs, 1024 MiB, 0 GPUs");
    }

    @Test
    void gpuRunsWaitOnceTheMonthsGpuHoursAreUsedButCpuRunsDoNot() {
        var gpuRun = run(acme, 1, ONE_GPU);
        Quota tenHours = new Quota(OptionalInt.empty(), OptionalInt.empty(), OptionalDouble.of(10));
        var decision = Admission.decide("gpu", POOL, POOL, List.of(gpuRun), Map.of(acme,
                new Admission.Usage(Resources.NONE, 0, 10.5)), Map.of(acme, tenHours));
        assertThat(decision.waiting().get(gpuRun.runId())).contains("GPU-hours");

        var cpuRun = run(acme, 2, SMALL);
        assertThat(Admission.decide("gpu", POOL, POOL, List.of(cpuRun), Map.of(acme,
                new Admission.Usage(Resources.NONE, 0, 10.5)), Map.of(acme, tenHours)).admitted())
                .containsExactly(cpuRun.runId());
    }

    @Test
    void admissionFillsThePoolAndNoFurther() {
        List<Admission.Candidate> queue = List.of(run(acme, 1, new Resources(3000, 1, 0)),
                run(acme, 2, new Resources(3000, 1, 0)), run(acme, 3, new Resources(3000, 1, 0)));
        var decision = Admission.decide("local-cpu", POOL, POOL, queue, Map.of(), Map.of());
        assertThat(decision.admitted()).hasSize(2);
        assertThat(decision.waiting()).containsOnlyKeys(queue.get(2).runId());
    }
}
