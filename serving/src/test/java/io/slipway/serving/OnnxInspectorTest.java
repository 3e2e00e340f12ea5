package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.devstack.SampleModels;
import io.slipway.serving.UnloadableModelException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models the tests make themselves (Tribuo, via devstack's SampleModels) and broken files: always run. */
class OnnxInspectorTest {

    private static final OnnxInspector INSPECTOR = new OnnxInspector();

    @TempDir
    Path dir;

    @Test
    void tribuoClassifierHasOneBatchedFloatInputAndOneProbabilityOutput() throws Exception {
        ModelSignature signature = INSPECTOR.inspect(SampleModels.irisLikeClassifier(dir));

        assertThat(signature.inputs()).containsExactly(new TensorSpec("input", "float", List.of(-1L, 4L)));
        assertThat(signature.outputs()).containsExactly(new TensorSpec("output", "float", List.of(-1L, 3L)));
        assertThat(signature.describe()).isEqualTo("input float[?,4] -> output float[?,3]");
    }

    @Test
    void truncatedModelIsRejectedAsNotOnnx() throws Exception {
        byte[] model = Files.readAllBytes(SampleModels.irisLikeClassifier(dir));
        Path truncated = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(model, model.length / 2));

        assertThatThrownBy(() -> INSPECTOR.inspect(truncated))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ONNX))
                .hasMessageContaining("truncated.onnx is not an ONNX model");
    }

    @Test
    void messagesNameTheUploadAndNeverTheServersPath() throws Exception {
        byte[] model = Files.readAllBytes(SampleModels.irisLikeClassifier(dir));
        Path stored = Files.write(dir.resolve("upload-7f3a.tmp"), Arrays.copyOf(model, model.length / 2));

        assertThatThrownBy(() -> INSPECTOR.inspect(stored, "fraud-model.onnx"))
                .isInstanceOf(UnloadableModelException.class)
                .hasMessageStartingWith("fraud-model.onnx is not an ONNX model")
                .hasMessageContaining("ONNX Runtime (ORT_INVALID_PROTOBUF): Load model from fraud-model.onnx failed")
                .hasMessageNotContaining(dir.toString())
                .hasMessageNotContaining("upload-7f3a");
    }

    @Test
    void modelMissingItsLastByteIsRejected() throws Exception {
        byte[] model = Files.readAllBytes(SampleModels.irisLikeClassifier(dir));
        Path truncated = Files.write(dir.resolve("short.onnx"), Arrays.copyOf(model, model.length - 1));

        assertThatThrownBy(() -> INSPECTOR.inspect(truncated)).isInstanceOf(UnloadableModelException.class);
    }

    @Test
    void emptyFileIsRejected() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.onnx"));

        assertThatThrownBy(() -> INSPECTOR.inspect(empty))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY))
                .hasMessage("Model file empty.onnx is empty (0 bytes).");
    }

    @Test
    void randomBytesAreRejected() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path random = Files.write(dir.resolve("noise.onnx"), noise);

        assertThatThrownBy(() -> INSPECTOR.inspect(random))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ONNX));
    }

    @Test
    void textFileIsRejected() throws Exception {
        Path csv = SampleModels.trainingCsv(dir);

        assertThatThrownBy(() -> INSPECTOR.inspect(csv))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ONNX));
    }

    @Test
    void missingFileIsRejected() {
        assertThatThrownBy(() -> INSPECTOR.inspect(dir.resolve("nowhere.onnx")))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageContaining("nowhere.onnx does not exist");
    }

    @Test
    void inspectorCanBeSharedBetweenThreads() throws Exception {
        Path model = SampleModels.irisLikeClassifier(dir);
        ModelSignature expected = INSPECTOR.inspect(model);

        List<Thread> threads = new ArrayList<>();
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; n < 5; n++) {
                    try {
                        results.add(INSPECTOR.inspect(model));
                    } catch (UnloadableModelException | RuntimeException e) {
                        results.add(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).hasSize(20).allMatch(expected::equals);
    }
}
