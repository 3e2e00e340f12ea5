package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtProvider;
import io.slipway.serving.UnloadableModelException.Reason;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {

    @TempDir
    Path dir;

    @Test
    void aVerifiedModelAnswersAndLeavesNoTemporaryFile() throws Exception {
        LoadedModel model = TestModels.multiplier(dir, 3f);

        try (LoadedModel.Lease lease = model.lease().orElseThrow()) {
            List<Tensor> answer = lease.infer(List.of(TestModels.rows(1, 2, 3, 4)), List.of());
            assertThat(answer).singleElement().satisfies(y -> {
                assertThat(y.name()).isEqualTo("y");
                assertThat(y.shape()).containsExactly(2, 2);
                assertThat(y.floats()).containsExactly(3, 6, 9, 12);
            });
        }
        assertThat(model.signature().describe()).isEqualTo("x float[?,2] -> y float[?,2]");
        assertThat(workFiles()).isEmpty();
        model.release();
        assertThat(model.isClosed()).isTrue();
    }

    @Test
    void bytesThatAreNotTheRegisteredOnesAreNotLoaded() throws Exception {
        Path file = HandmadeModels.multipliesBy(dir.resolve("m.onnx"), 2f);
        byte[] corrupt = Files.readAllBytes(file);
        corrupt[corrupt.length - 1] ^= 0x01;

        assertThatThrownBy(() -> load(new ByteArrayInputStream(corrupt), TestModels.sha256(file), ExecutionTarget.cpu(1)))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DIGEST_MISMATCH))
                .hasMessageContaining("not the registered " + TestModels.sha256(file))
                .hasMessageContaining("corrupt in storage");
        assertThat(workFiles()).isEmpty();
    }

    @Test
    void bytesThatAreNotAModelAreRefusedWithOnnxRuntimesReason() throws Exception {
        Path file = HandmadeModels.multipliesBy(dir.resolve("m.onnx"), 2f);
        byte[] truncated = Arrays.copyOf(Files.readAllBytes(file), 40);
        Path truncatedFile = Files.write(dir.resolve("t.onnx"), truncated);

        assertThatThrownBy(() -> load(new ByteArrayInputStream(truncated), TestModels.sha256(truncatedFile),
                ExecutionTarget.cpu(1)))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ONNX))
                .hasMessageContaining("fraud v3")
                .hasMessageNotContaining(dir.toString());
        assertThat(workFiles()).isEmpty();
    }

    @Test
    void aGpuPoolNeedsTheCudaProviderAndSaysSoWhenItIsMissing() throws Exception {
        ExecutionTarget gpu = new ExecutionTarget(4, 1, 0);

        assertThat(gpu.provider(EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA))).isEqualTo(OrtProvider.CUDA);
        assertThat(ExecutionTarget.cpu(2).provider(EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA))).isEqualTo(OrtProvider.CPU);

        Path file = HandmadeModels.multipliesBy(dir.resolve("m.onnx"), 2f);
        ModelLoader cpuOnly = new ModelLoader(dir.resolve("work"), EnumSet.of(OrtProvider.CPU));
        try (InputStream in = Files.newInputStream(file)) {
            assertThatThrownBy(() -> cpuOnly.load(in, TestModels.sha256(file), "fraud v3", gpu))
                    .isInstanceOfSatisfying(UnloadableModelException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NO_GPU_PROVIDER))
                    .hasMessageContaining("onnxruntime_gpu");
        }
    }

    @Test
    void aModelLoadedWhileARequestRunsIsClosedOnlyWhenTheRequestEnds() throws Exception {
        LoadedModel model = TestModels.multiplier(dir, 1f);
        LoadedModel.Lease running = model.lease().orElseThrow();

        model.release();

        assertThat(model.isClosed()).isFalse();
        assertThat(running.infer(List.of(TestModels.rows(5, 6)), List.of()).getFirst().floats()).containsExactly(5, 6);
        running.close();
        assertThat(model.isClosed()).isTrue();
        assertThat(model.lease()).isEmpty();
    }

    private LoadedModel load(InputStream in, String sha256, ExecutionTarget target) throws UnloadableModelException {
        return new ModelLoader(dir.resolve("work")).load(in, sha256, "fraud v3", target);
    }

    private List<Path> workFiles() throws Exception {
        Path work = dir.resolve("work");
        if (!Files.exists(work)) {
            return List.of();
        }
        try (var files = Files.list(work)) {
            return files.toList();
        }
    }
}
