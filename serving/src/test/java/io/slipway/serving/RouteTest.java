package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteTest {

    private static final ThreadFactory THREADS = Thread.ofPlatform().daemon().factory();

    @TempDir
    Path dir;

    private final Route route = new Route("digits", new Admission(4, 64));

    @Test
    void answersNameTheVersionThatComputedThem() throws Exception {
        route.switchTo(1, TestModels.multiplier(dir, 1f), BatchingSettings.off(), 0, THREADS);
        assertThat(answer(OptionalInt.empty())).isEqualTo(new Answer(1, 2f));

        route.switchTo(2, TestModels.multiplier(dir, 2f), BatchingSettings.off(), 0, THREADS);

        assertThat(answer(OptionalInt.empty())).isEqualTo(new Answer(2, 4f));
        assertThat(answer(OptionalInt.of(1))).as("the previous version stays loaded").isEqualTo(new Answer(1, 2f));
    }

    @Test
    void rollingBackToThePreviousVersionLoadsNothing() throws Exception {
        LoadedModel first = TestModels.multiplier(dir, 1f);
        route.switchTo(1, first, BatchingSettings.off(), 0, THREADS);
        route.switchTo(2, TestModels.multiplier(dir, 2f), BatchingSettings.off(), 0, THREADS);

        assertThat(route.swapBackTo(1)).isTrue();

        assertThat(route.current().orElseThrow().model()).isSameAs(first);
        assertThat(answer(OptionalInt.empty())).isEqualTo(new Answer(1, 2f));
        assertThat(route.previous().orElseThrow().version()).isEqualTo(2);
        assertThat(route.swapBackTo(7)).as("a version that is not the previous one must be loaded").isFalse();
    }

    @Test
    void theVersionBeforeThePreviousIsReleasedAndNoLongerAnswers() throws Exception {
        LoadedModel first = TestModels.multiplier(dir, 1f);
        route.switchTo(1, first, BatchingSettings.off(), 0, THREADS);
        route.switchTo(2, TestModels.multiplier(dir, 2f), BatchingSettings.off(), 0, THREADS);
        route.switchTo(3, TestModels.multiplier(dir, 3f), BatchingSettings.off(), 0, THREADS);

        assertThat(first.isClosed()).isTrue();
        assertThatThrownBy(() -> answer(OptionalInt.of(1)))
                .isInstanceOf(VersionNotServedException.class)
                .hasMessage("Deployment digits does not serve version 1; it serves version 3 (and keeps version 2 loaded).");
        assertThat(route.serves(2)).isTrue();
        assertThat(route.serves(1)).isFalse();
    }

    @Test
    void nothingLoadedYetIsSaid() {
        assertThatThrownBy(() -> answer(OptionalInt.empty()))
                .isInstanceOf(VersionNotServedException.class)
                .hasMessage("Deployment digits has no version loaded yet.");
    }

    @Test
    void switchingWhileAClientLoopsFailsNoRequest() throws Exception {
        route.switchTo(1, TestModels.multiplier(dir, 1f), BatchingSettings.off(), 0, THREADS);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                try {
                    Answer answer = answer(OptionalInt.empty());
                    if (answer.value() != 2f * answer.version()) {
                        throw new AssertionError("Version " + answer.version() + " answered " + answer.value());
                    }
                    answered.incrementAndGet();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        });
        for (int version = 2; version <= 12; version++) {
            int seen = answered.get();
            route.switchTo(version, TestModels.multiplier(dir, version), BatchingSettings.off(), 0, THREADS);
            Awaits.until("the client is answered after a switch", () -> answered.get() > seen + 2 || client.isDone());
        }
        stop.set(true);
        client.get(30, TimeUnit.SECONDS);
        assertThat(answer(OptionalInt.empty()).version()).isEqualTo(12);
    }

    @Test
    void aBatchingDeploymentAnswersThroughItsBatcher() throws Exception {
        route.switchTo(1, TestModels.multiplier(dir, 5f), BatchingSettings.upTo(8, java.time.Duration.ofMillis(1)), 16, THREADS);

        assertThat(route.current().orElseThrow().batcher()).isPresent();
        assertThat(answer(OptionalInt.empty())).isEqualTo(new Answer(1, 10f));
        assertThat(route.current().orElseThrow().batcher().orElseThrow().batchesRun()).isEqualTo(1);
    }

    /** The version that answered and the first element of its answer to x = [[2, 2]]. */
    private record Answer(int version, float value) {
    }

    private Answer answer(OptionalInt version) throws Exception {
        InferenceResult result = route.infer(version, List.of(TestModels.rows(2, 2)), List.of());
        return new Answer(result.version(), result.outputs().getFirst().floats()[0]);
    }
}
