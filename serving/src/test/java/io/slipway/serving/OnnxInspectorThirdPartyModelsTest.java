package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slipway.serving.UnloadableModelException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real models exported by other tools (see the README next to them), read as a data scientist's upload would
 * be. Skipped where the directory is absent; fails when a configured directory is wrong.
 */
class OnnxInspectorThirdPartyModelsTest {

    private static final OnnxInspector INSPECTOR = new OnnxInspector();

    private static final Path models = ThirdPartyModels.directory();

    @TempDir
    Path dir;

    /** Per test rather than per class, so that each test is reported as skipped, with the reason. */
    @BeforeEach
    void requireModels() {
        ThirdPartyModels.configured().ifPresent(configured -> assertTrue(ThirdPartyModels.present(),
                "The models directory is configured (" + ThirdPartyModels.PROPERTY + " or " + ThirdPartyModels.VARIABLE
                        + ") but holds no models: " + configured));
        assumeTrue(ThirdPartyModels.present(), ThirdPartyModels::missingMessage);
    }

    @Test
    void tinyMatmulTakesTwoFixedMatrices() throws Exception {
        ModelSignature signature = INSPECTOR.inspect(models.resolve("tiny-matmul.onnx"));

        assertThat(signature.inputs()).containsExactly(
                new TensorSpec("a", "float", List.of(3L, 4L)), new TensorSpec("b", "float", List.of(4L, 3L)));
        assertThat(signature.outputs()).containsExactly(new TensorSpec("c", "float", List.of(3L, 3L)));
    }

    @Test
    void mnistTakesOneImageAndGivesTenLogits() throws Exception {
        ModelSignature signature = INSPECTOR.inspect(models.resolve("mnist.onnx"));

        assertThat(signature.inputs()).containsExactly(new TensorSpec("Input3", "float", List.of(1L, 1L, 28L, 28L)));
        assertThat(signature.outputs()).containsExactly(new TensorSpec("Plus214_Output_0", "float", List.of(1L, 10L)));
        assertThat(signature.describe()).isEqualTo("Input3 float[1,1,28,28] -> Plus214_Output_0 float[1,10]");
    }

    @Test
    void ultrafaceGivesScoresAndBoxes() throws Exception {
        ModelSignature signature = INSPECTOR.inspect(models.resolve("ultraface-rfb-320.onnx"));

        assertThat(signature.inputs()).containsExactly(new TensorSpec("input", "float", List.of(1L, 3L, 240L, 320L)));
        assertThat(signature.outputs()).containsExactly(
                new TensorSpec("scores", "float", List.of(1L, 4420L, 2L)),
                new TensorSpec("boxes", "float", List.of(1L, 4420L, 4L)));
        assertThat(signature.output("boxes").orElseThrow().describe()).isEqualTo("float[1,4420,4]");
    }

    @Test
    void modelNeedingCustomOperatorsIsRejectedWithOnnxRuntimesReason() {
        assertThatThrownBy(() -> INSPECTOR.inspect(models.resolve("super-resolution-op18.onnx")))
                .isInstanceOfSatisfying(UnloadableModelException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
                .hasMessageStartingWith("ONNX Runtime cannot load super-resolution-op18.onnx")
                .hasMessageContaining("DecodeImage")
                .hasMessageNotContaining(models.toString());
    }

    @Test
    void truncatedMnistIsRejected() throws Exception {
        byte[] model = Files.readAllBytes(models.resolve("mnist.onnx"));
        Path truncated = Files.write(dir.resolve("mnist-cut.onnx"), Arrays.copyOf(model, model.length / 3));

        assertThatThrownBy(() -> INSPECTOR.inspect(truncated)).isInstanceOf(UnloadableModelException.class);
    }
}
