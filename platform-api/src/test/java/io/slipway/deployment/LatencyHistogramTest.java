package io.slipway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void aLatencyOnABoundBelongsToTheClassItBounds() {
        assertThat(LatencyHistogram.classOf(1)).isZero();
        assertThat(LatencyHistogram.classOf(500)).isZero();
        assertThat(LatencyHistogram.classOf(501)).isEqualTo(1);
        assertThat(LatencyHistogram.classOf(10_000_001)).isEqualTo(LatencyHistogram.BOUNDS.length);
        assertThat(LatencyHistogram.classExpression("x")).startsWith("case when x <= 500 then 0 when x <= 1000 then 1")
                .endsWith("else " + LatencyHistogram.BOUNDS.length + " end");
    }

    @Test
    void percentilesAreTheClassBoundOrTheSlowestRequestInItWhicheverIsLower() {
        LatencyHistogram latencies = new LatencyHistogram();
        latencies.add(LatencyHistogram.classOf(300), 98, 450);
        latencies.add(LatencyHistogram.classOf(7_000), 1, 7_000);
        latencies.add(LatencyHistogram.classOf(40_000_000), 1, 40_000_000);

        assertThat(latencies.percentileMillis(0.5)).isEqualTo(0.45);
        assertThat(latencies.percentileMillis(0.99)).isEqualTo(7.0);
        assertThat(latencies.percentileMillis(1.0)).as("slower than the last bound: the slowest").isEqualTo(40_000.0);
        assertThat(new LatencyHistogram().percentileMillis(0.99)).isNull();
    }
}
