package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputCheckTest {

    /** As mnist.onnx: Input3 float[1,1,28,28] -> Plus214_Output_0 float[1,10]. */
    private static final ModelSignature MNIST = new ModelSignature(
            List.of(new TensorSpec("Input3", "float", List.of(1L, 1L, 28L, 28L))),
            List.of(new TensorSpec("Plus214_Output_0", "float", List.of(1L, 10L))));

    private static final ModelSignature BATCHED = new ModelSignature(
            List.of(new TensorSpec("x", "float", List.of(TensorSpec.DYNAMIC, 2L))),
            List.of(new TensorSpec("y", "float", List.of(TensorSpec.DYNAMIC, 2L))));

    @Test
    void aWrongShapeIsRefusedNamingTheExpectedOne() {
        Tensor flat = Tensor.zeros("Input3", TensorType.FP32, new long[] {1, 28, 28});

        assertThatThrownBy(() -> InputCheck.check(MNIST, List.of(flat)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("inputs.Input3.shape"))
                .hasMessage("Input 'Input3' must have shape [1,1,28,28] (float[1,1,28,28]), not [1,28,28].");
    }

    @Test
    void aWrongTypeIsRefusedNamingTheExpectedOne() {
        Tensor ints = Tensor.zeros("Input3", TensorType.INT64, new long[] {1, 1, 28, 28});

        assertThatThrownBy(() -> InputCheck.check(MNIST, List.of(ints)))
                .hasMessage("Input 'Input3' must be FP32 (float[1,1,28,28]), not INT64.");
    }

    @Test
    void unknownMissingAndRepeatedInputsAreRefused() {
        Tensor image = Tensor.zeros("Input3", TensorType.FP32, new long[] {1, 1, 28, 28});

        assertThatThrownBy(() -> InputCheck.check(MNIST, List.of(image.named("image"))))
                .hasMessage("The model has no input named 'image'; it takes Input3 float[1,1,28,28].");
        assertThatThrownBy(() -> InputCheck.check(MNIST, List.of()))
                .hasMessage("Input 'Input3' is missing: the model takes Input3 float[1,1,28,28].");
        assertThatThrownBy(() -> InputCheck.check(MNIST, List.of(image, image)))
                .hasMessage("Input 'Input3' is given more than once.");
    }

    @Test
    void aDynamicDimensionTakesAnySize() {
        assertThatCode(() -> InputCheck.check(BATCHED, List.of(Tensor.zeros("x", TensorType.FP32, new long[] {7, 2}))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> InputCheck.check(BATCHED, List.of(Tensor.zeros("x", TensorType.FP32, new long[] {7, 3}))))
                .hasMessage("Input 'x' must have shape [-1,2] (float[?,2]), not [7,3].");
    }

    @Test
    void anOutputTheModelLacksIsRefused() {
        assertThatThrownBy(() -> InputCheck.checkOutputs(MNIST, List.of("probabilities")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("outputs.probabilities"))
                .hasMessage("The model has no output named 'probabilities'; it returns Plus214_Output_0.");
    }

    @Test
    void anInputOfATypeServingCannotFeedIsNamed() {
        ModelSignature strings = new ModelSignature(List.of(new TensorSpec("text", "string", List.of(1L))), List.of());

        assertThatThrownBy(() -> InputCheck.check(strings, List.of(Tensor.zeros("text", TensorType.UINT8, new long[] {1}))))
                .hasMessageStartingWith("Input 'text' is of ONNX type string, which serving cannot feed");
    }
}
