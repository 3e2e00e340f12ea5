package io.slipway.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slipway.compute.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunTest {

    private static final Instant MONTH_START = Instant.parse("2026-12-01T00:00:00Z");

    private static Run twoGpuRun() {
        return new Run(UUID.randomUUID(), 1, null, "gpu", "{}", new Resources(1000, 1024, 2), Duration.ofHours(24),
                "hash", MONTH_START.minusSeconds(7200), "u-1", "bob");
    }

    @Test
    void gpuHoursCountOnlyTheMonthsPartOfARunThatStartedBefore() {
        Run run = twoGpuRun();
        run.admit("server", "hash2", MONTH_START.minusSeconds(3600));
        run.end(RunState.SUCCEEDED, 0, null, MONTH_START.plusSeconds(1800));

        assertThat(run.gpuHoursSince(MONTH_START, MONTH_START.plusSeconds(99_999))).isCloseTo(1.0, within(1e-9));
        assertThat(run.gpuHoursSince(MONTH_START.minusSeconds(86_400), Instant.MAX)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void aRunningRunCountsUpToNowAndAQueuedOneNothing() {
        Run running = twoGpuRun();
        running.admit("server", "hash2", MONTH_START);
        assertThat(running.gpuHoursSince(MONTH_START, MONTH_START.plusSeconds(900))).isCloseTo(0.5, within(1e-9));
        assertThat(twoGpuRun().gpuHoursSince(MONTH_START, MONTH_START.plusSeconds(900))).isZero();
    }
}
