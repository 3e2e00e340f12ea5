package io.slipway.serving;

import java.util.List;
import java.util.Optional;

/**
 * What a model takes and returns, in the graph's order.
 *
 * @param inputs  the graph inputs a caller must feed (initializers are not listed)
 * @param outputs the graph outputs
 */
public record ModelSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The input of that name. */
    public Optional<TensorSpec> input(String name) {
        return inputs.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    /** The output of that name. */
    public Optional<TensorSpec> output(String name) {
        return outputs.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    /** One line for logs and error messages: {@code a float[3,4], b float[4,3] -> c float[3,3]}. */
    public String describe() {
        return describe(inputs) + " -> " + describe(outputs);
    }

    private static String describe(List<TensorSpec> specs) {
        return String.join(", ", specs.stream().map(spec -> spec.name() + " " + spec.describe()).toList());
    }
}
