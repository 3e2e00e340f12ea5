package io.slipway.registry;

import io.slipway.serving.ModelSignature;
import io.slipway.serving.TensorSpec;
import java.util.List;

/** A model's inputs and outputs as ONNX Runtime read them; {@code notation} reads like {@code float[1,10]}. */
public record SignatureView(List<Tensor> inputs, List<Tensor> outputs) {

    /** One named input or output; -1 in the shape marks a dynamic dimension. */
    public record Tensor(String name, String elementType, List<Long> shape, String notation) {

        static Tensor of(TensorSpec spec) {
            return new Tensor(spec.name(), spec.elementType(), spec.shape(), spec.describe());
        }
    }

    static SignatureView of(ModelSignature signature) {
        return new SignatureView(signature.inputs().stream().map(Tensor::of).toList(),
                signature.outputs().stream().map(Tensor::of).toList());
    }
}
