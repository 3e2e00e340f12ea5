package io.slipway.serving;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a request's tensors against the model's stored signature before anything reaches ONNX Runtime, so a
 * wrong name, type or shape is answered with what the model expects rather than with a native error.
 */
public final class InputCheck {

    private InputCheck() {
    }

    /**
     * @throws InvalidInputException naming the first problem: an input the model does not take, one given twice,
     *                               one it needs but did not get, a wrong element type or a wrong shape
     */
    public static void check(ModelSignature signature, List<Tensor> inputs) throws InvalidInputException {
        Set<String> seen = new HashSet<>();
        for (Tensor input : inputs) {
            TensorSpec spec = signature.input(input.name()).orElseThrow(() -> new InvalidInputException(
                    "inputs." + input.name(), "The model has no input named '" + input.name() + "'; it takes "
                            + describeInputs(signature) + "."));
            if (!seen.add(input.name())) {
                throw new InvalidInputException("inputs." + input.name(),
                        "Input '" + input.name() + "' is given more than once.");
            }
            checkType(spec, input);
            checkShape(spec, input);
        }
        for (TensorSpec spec : signature.inputs()) {
            if (!seen.contains(spec.name())) {
                throw new InvalidInputException("inputs." + spec.name(), "Input '" + spec.name() + "' is missing: the"
                        + " model takes " + describeInputs(signature) + ".");
            }
        }
    }

    /**
     * @throws InvalidInputException if the request asks for an output the model does not have
     */
    public static void checkOutputs(ModelSignature signature, List<String> requested) throws InvalidInputException {
        for (String name : requested) {
            if (signature.output(name).isEmpty()) {
                throw new InvalidInputException("outputs." + name, "The model has no output named '" + name
                        + "'; it returns " + String.join(", ", signature.outputs().stream().map(TensorSpec::name).toList()) + ".");
            }
        }
    }

    /** The protocol type serving feeds for a spec, or why it cannot feed that input at all. */
    public static TensorType protocolType(TensorSpec spec) throws InvalidInputException {
        if (!spec.isTensor()) {
            throw new InvalidInputException("inputs." + spec.name(), "Input '" + spec.name() + "' is a " + spec.elementType()
                    + ", which serving cannot feed; only tensors of " + TensorType.supported() + ".");
        }
        return TensorType.ofOnnxName(spec.elementType()).orElseThrow(() -> new InvalidInputException(
                "inputs." + spec.name(), "Input '" + spec.name() + "' is of ONNX type " + spec.elementType()
                        + ", which serving cannot feed; it feeds " + TensorType.supported() + "."));
    }

    private static void checkType(TensorSpec spec, Tensor input) throws InvalidInputException {
        TensorType expected = protocolType(spec);
        if (input.type() != expected) {
            throw new InvalidInputException("inputs." + input.name() + ".datatype", "Input '" + input.name()
                    + "' must be " + expected + " (" + spec.describe() + "), not " + input.type() + ".");
        }
    }

    private static void checkShape(TensorSpec spec, Tensor input) throws InvalidInputException {
        long[] shape = input.shape();
        boolean matches = shape.length == spec.shape().size();
        for (int i = 0; matches && i < shape.length; i++) {
            long expected = spec.shape().get(i);
            matches = expected == TensorSpec.DYNAMIC || expected == shape[i];
        }
        if (!matches) {
            throw new InvalidInputException("inputs." + input.name() + ".shape", "Input '" + input.name()
                    + "' must have shape " + describeExpectedShape(spec) + " (" + spec.describe() + "), not "
                    + Tensor.describeShape(shape) + ".");
        }
    }

    /** {@code [1,1,28,28]}, with {@code -1} for a dynamic dimension as the protocol writes it. */
    static String describeExpectedShape(TensorSpec spec) {
        return Tensor.describeShape(spec.shape().stream().mapToLong(Long::longValue).toArray());
    }

    private static String describeInputs(ModelSignature signature) {
        return String.join(", ", signature.inputs().stream().map(spec -> spec.name() + " " + spec.describe()).toList());
    }
}
