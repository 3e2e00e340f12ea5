package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void stackedRequestsSplitBackIntoTheirOwnRows() {
        Tensor one = Tensor.ofFloats("x", new long[] {1, 2}, 1, 2);
        Tensor two = Tensor.ofFloats("x", new long[] {2, 2}, 3, 4, 5, 6);

        Tensor batch = Tensor.concatenate("x", List.of(one, two));

        assertThat(batch.shape()).containsExactly(3, 2);
        assertThat(batch.floats()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(batch.rows(0, 1).floats()).containsExactly(1, 2);
        assertThat(batch.rows(1, 2).floats()).containsExactly(3, 4, 5, 6);
        assertThat(batch.rows(1, 2).shape()).containsExactly(2, 2);
    }

    @Test
    void tensorsOfAnotherRowShapeDoNotStack() {
        Tensor pairs = Tensor.ofFloats("x", new long[] {1, 2}, 1, 2);
        Tensor triple = Tensor.ofFloats("x", new long[] {1, 3}, 1, 2, 3);

        assertThat(pairs.stacksWith(triple)).isFalse();
        assertThatThrownBy(() -> Tensor.concatenate("x", List.of(pairs, triple)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesThatDoNotFitTheShapeAreRefused() {
        assertThatThrownBy(() -> new Tensor("x", TensorType.FP32, new long[] {2, 2}, ByteBuffer.allocate(12)))
                .hasMessage("Tensor x of FP32 [2,2] needs 16 bytes, not 12.");
    }

    @Test
    void aShapeTooLargeToHoldIsRefusedBeforeAnyAllocation() {
        assertThatThrownBy(() -> Tensor.zeros("x", TensorType.FP64, new long[] {Long.MAX_VALUE / 4, 4}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tensor.zeros("x", TensorType.FP32, new long[] {1 << 20, 1 << 10}))
                .hasMessageContaining("larger than serving handles");
    }
}
