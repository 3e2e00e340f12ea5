package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.devstack.SampleModels;
import io.slipway.serving.UnloadableModelException.Reason;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inspector the server uses: real child processes, real limits. */
class IsolatedOnnxInspectorTest {

    @TempDir
    static Path workDir;

    @TempDir
    Path dir;

    private static Path iris;

    @BeforeAll
    static void trainAModel() {
        iris = SampleModels.irisLikeClassifier(workDir.resolve("models"));
    }

    @AfterEach
    void noInspectorProcessOutlivesItsInspection() {
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    private static IsolatedOnnxInspector inspector(InspectorSettings settings) {
        return new IsolatedOnnxInspector(settings);
    }

    private static InspectorSettings defaults() {
        return InspectorSettings.defaults(workDir.resolve("inspector"));
    }

    @Test
    void aTribuoModelGivesTheSignatureOnnxRuntimeReadsInProcess() throws Exception {
        ModelSignature isolated = inspector(defaults()).inspect(iris, "iris.onnx");

        assertThat(isolated).isEqualTo(new OnnxInspector().inspect(iris));
        assertThat(isolated.describe()).isEqualTo("input float[?,4] -> output float[?,3]");
    }

    @Test
    void garbageIsNotOnnxAndTheMessageNamesTheUploadNotTheServersPath() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path stored = Files.write(dir.resolve("upload-3f2a.tmp"), noise);

        assertThatThrownBy(() -> inspector(defaults()).inspect(stored, "modèle-ü.onnx"))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ONNX))
                .hasMessageStartingWith("modèle-ü.onnx is not an ONNX model")
                .hasMessageNotContaining(dir.toString())
                .hasMessageNotContaining("upload-3f2a");
    }

    @Test
    void aModelThatNeedsMoreMemoryThanTheLimitIsStoppedAndTheReasonNamesMemory() throws Exception {
        Path large = HandmadeModels.addsAWeight(dir.resolve("large.onnx"), 24 << 20); // 96 MiB of weights
        InspectorSettings small = defaults().withMemoryBytes(InspectorSettings.MIN_MEMORY_BYTES);

        assertThat(Files.size(large)).isLessThan(small.memoryBytes());
        assertThatThrownBy(() -> inspector(small).inspect(large, "large.onnx"))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_MEMORY))
                .hasMessageContaining("needs more memory than the inspector's 128 MiB");
    }

    @Test
    void theSameModelLoadsWithEnoughMemory() throws Exception {
        Path large = HandmadeModels.addsAWeight(dir.resolve("large.onnx"), 24 << 20);

        ModelSignature signature = inspector(defaults()).inspect(large, "large.onnx");

        assertThat(signature.describe()).isEqualTo("x float[1] -> y float[25165824]");
    }

    @Test
    void aFileLargerThanTheMemoryLimitIsRefusedWithoutStartingAProcess() throws Exception {
        Path huge = dir.resolve("huge.onnx");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength((1536L << 20)); // sparse: 1.5 GiB that take no disk
        }

        assertThatThrownBy(() -> inspector(defaults()).inspect(huge, "huge.onnx"))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessage("huge.onnx is too large to inspect within 512 MiB of memory (it has 1.5 GiB), so it"
                        + " cannot be served here.");
    }

    @Test
    void anInspectionThatOutlivesTheTimeLimitIsKilledAndTheReasonNamesTime() {
        IsolatedOnnxInspector hanging = new IsolatedOnnxInspector(defaults().withTimeout(Duration.ofSeconds(2)),
                TestPrograms.of(TestPrograms.Hangs.class));
        Instant start = Instant.now();

        assertThatThrownBy(() -> hanging.inspect(iris, "slow.onnx"))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT))
                .hasMessageContaining("took longer than the inspector's limit of 2 s");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anInspectorThatCrashesInNativeCodeIsACrashOfTheModelNotOfTheServer() {
        IsolatedOnnxInspector crashing = new IsolatedOnnxInspector(defaults(),
                TestPrograms.of(TestPrograms.Segfaults.class));

        assertThatThrownBy(() -> crashing.inspect(iris, "evil.onnx"))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CRASHED))
                .hasMessage("The inspector crashed while loading evil.onnx (SIGSEGV in native code), so the model"
                        + " cannot be served here.");
    }

    @Test
    void anInspectorKilledByASignalIsACrashNamingTheSignal() {
        IsolatedOnnxInspector killed = new IsolatedOnnxInspector(defaults(),
                TestPrograms.of(TestPrograms.GetsKilled.class));

        assertThatThrownBy(() -> killed.inspect(iris, "evil.onnx"))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CRASHED))
                .hasMessageContaining("(killed by SIGKILL)");
    }

    @Test
    void anInspectorThatFloodsItsOutputGivesNoAnswer() {
        IsolatedOnnxInspector flooding = new IsolatedOnnxInspector(defaults(),
                TestPrograms.of(TestPrograms.Floods.class));

        assertThatThrownBy(() -> flooding.inspect(iris, "loud.onnx"))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CRASHED))
                .hasMessageContaining("gave no readable answer");
    }

    @Test
    void theInspectorProcessSeesNoneOfTheServersEnvironment() throws Exception {
        IsolatedOnnxInspector telling = new IsolatedOnnxInspector(defaults(),
                TestPrograms.of(TestPrograms.TellsItsEnvironment.class));

        List<String> variables = telling.inspect(iris, "env.onnx").inputs().stream().map(TensorSpec::name).toList();

        assertThat(System.getenv()).containsKey("ORT_DISABLE_TELEMETRY").containsKey("HOME");
        assertThat(variables).contains("ORT_DISABLE_TELEMETRY", "MALLOC_ARENA_MAX", "PATH", "LANG")
                .doesNotContain("HOME", "USER", "JAVA_HOME", "MAVEN_OPTS")
                .hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void noMoreInspectionsRunAtOnceThanTheLimitAndOneMoreIsRefusedAsBusy() throws Exception {
        IsolatedOnnxInspector hanging = new IsolatedOnnxInspector(
                defaults().withTimeout(Duration.ofSeconds(4)).withConcurrency(2, Duration.ZERO),
                TestPrograms.of(TestPrograms.Hangs.class));
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(threads.submit(() -> hanging.inspect(iris, "slow.onnx")));
            }
            awaitChildren(2);

            assertThatThrownBy(() -> hanging.inspect(iris, "one-more.onnx"))
                    .isInstanceOfSatisfying(InspectorUnavailableException.class, e -> assertThat(e.busy()).isTrue())
                    .hasMessageContaining("as many models as it may at once (2)");
            assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isEqualTo(2);
            for (Future<?> inspection : running) {
                assertThatThrownBy(inspection::get).hasCauseInstanceOf(UnloadableModelException.class);
            }
        }
    }

    @Test
    void inspectionsBeyondTheLimitWaitForAFreeProcess() throws Exception {
        IsolatedOnnxInspector one = inspector(defaults().withConcurrency(1, Duration.ofSeconds(60)));
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            List<Future<ModelSignature>> inspections = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                inspections.add(threads.submit(() -> one.inspect(iris, "iris.onnx")));
            }
            for (Future<ModelSignature> inspection : inspections) {
                assertThat(inspection.get().describe()).isEqualTo("input float[?,4] -> output float[?,3]");
            }
        }
    }

    private static void awaitChildren(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (ProcessHandle.current().children().filter(ProcessHandle::isAlive).count() < count) {
            assertThat(Instant.now()).as("%d inspector processes started", count).isBefore(deadline);
            Thread.onSpinWait();
        }
    }
}
