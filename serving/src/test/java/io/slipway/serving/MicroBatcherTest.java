package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroBatcherTest {

    @TempDir
    Path dir;

    private final CountDownLatch workerMayStart = new CountDownLatch(1);
    /** Starts the batcher's worker only when the test opens the latch, so the queue can be filled first. */
    private final ThreadFactory gatedWorker = task -> new Thread(() -> {
        try {
            workerMayStart.await();
        } catch (InterruptedException e) {
            return;
        }
        task.run();
    });
    private final ExecutorService callers = Executors.newFixedThreadPool(6);
    private LoadedModel model;

    @BeforeEach
    void loadModel() throws Exception {
        model = TestModels.multiplier(dir, 10f);
    }

    @AfterEach
    void stop() {
        workerMayStart.countDown();
        callers.shutdownNow();
        model.release();
    }

    @Test
    void concurrentRequestsRunAsOneBatchAndEachGetsItsOwnRows() throws Exception {
        MicroBatcher batcher = new MicroBatcher(model, BatchingSettings.upTo(16, Duration.ofMillis(5)), 8, gatedWorker);
        List<Future<List<Tensor>>> answers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            float value = i;
            answers.add(callers.submit(() -> batcher.infer(List.of(TestModels.rows(value, -value)), List.of())));
        }
        Tensor twoRows = TestModels.rows(5, 6, 7, 8);
        answers.add(callers.submit(() -> batcher.infer(List.of(twoRows), List.of())));
        Awaits.until("five requests wait", () -> batcher.waiting() == 5);

        workerMayStart.countDown();

        for (int i = 1; i <= 4; i++) {
            assertThat(answers.get(i - 1).get(30, TimeUnit.SECONDS).getFirst().floats()).containsExactly(10 * i, -10 * i);
        }
        Tensor answer = answers.get(4).get(30, TimeUnit.SECONDS).getFirst();
        assertThat(answer.shape()).containsExactly(2, 2);
        assertThat(answer.floats()).containsExactly(50, 60, 70, 80);
        assertThat(batcher.batchesRun()).isEqualTo(1);
        batcher.close();
    }

    @Test
    void aBatchNeverExceedsItsMaximumRows() throws Exception {
        MicroBatcher batcher = new MicroBatcher(model, BatchingSettings.upTo(2, Duration.ofMillis(5)), 8, gatedWorker);
        List<Future<List<Tensor>>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(callers.submit(() -> batcher.infer(List.of(TestModels.rows(1, 1)), List.of())));
        }
        Awaits.until("five requests wait", () -> batcher.waiting() == 5);

        workerMayStart.countDown();

        for (Future<List<Tensor>> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS).getFirst().floats()).containsExactly(10, 10);
        }
        assertThat(batcher.batchesRun()).isEqualTo(3);
        batcher.close();
    }

    @Test
    void aFullQueueRefusesTheNextRequestAtOnce() throws Exception {
        MicroBatcher batcher = new MicroBatcher(model, BatchingSettings.upTo(8, Duration.ofMillis(5)), 2, gatedWorker);
        for (int i = 0; i < 2; i++) {
            callers.submit(() -> batcher.infer(List.of(TestModels.rows(1, 1)), List.of()));
        }
        Awaits.until("two requests wait", () -> batcher.waiting() == 2);

        assertThatThrownBy(() -> batcher.infer(List.of(TestModels.rows(1, 1)), List.of()))
                .isInstanceOf(OverloadedException.class)
                .hasMessageContaining("queue is full");
        batcher.close();
    }

    @Test
    void aBadRequestIsRefusedBeforeItJoinsABatch() {
        MicroBatcher batcher = new MicroBatcher(model, BatchingSettings.upTo(8, Duration.ofMillis(5)), 2, gatedWorker);

        assertThatThrownBy(() -> batcher.infer(List.of(Tensor.ofFloats("x", new long[] {1, 3}, 1, 2, 3)), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must have shape [-1,2]");
        assertThat(batcher.waiting()).isZero();
        batcher.close();
    }
}
