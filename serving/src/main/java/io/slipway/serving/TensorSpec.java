package io.slipway.serving;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One input or output of a model.
 *
 * @param name        the graph's name for it
 * @param elementType the ONNX element type in lower case ({@code float}, {@code double}, {@code int64},
 *                    {@code string}, {@code bool}, ...); {@code sequence} or {@code map} for non-tensor values
 * @param shape       the dimensions, {@value #DYNAMIC} for a dynamic or symbolic one (such as a batch
 *                    dimension); empty for a scalar and for non-tensor values
 */
public record TensorSpec(String name, String elementType, List<Long> shape) {

    /** The dimension ONNX Runtime reports for a dynamic or symbolic (named) dimension. */
    public static final long DYNAMIC = -1L;

    /** Element type of a non-tensor sequence value. */
    public static final String SEQUENCE = "sequence";

    /** Element type of a non-tensor map value. */
    public static final String MAP = "map";

    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elementType, "elementType");
        shape = List.copyOf(shape);
    }

    /** Whether this is a tensor (rather than a sequence or a map). */
    /** The Open Inference Protocol's datatype of this tensor (FP32, INT64, ...), or its ONNX type when it has none. */
    public String protocolDatatype() {
        try {
            return InputCheck.protocolType(this).protocolName();
        } catch (InvalidInputException unsupported) {
            return elementType().toUpperCase(java.util.Locale.ROOT);
        }
    }

    public boolean isTensor() {
        return !SEQUENCE.equals(elementType) && !MAP.equals(elementType);
    }

    /**
     * The type in the models README's notation: {@code float[1,1,28,28]}; a dynamic dimension shows as
     * {@code ?} ({@code float[?,4]}), a scalar as {@code float[]}, a sequence or map by its kind alone.
     */
    public String describe() {
        if (!isTensor()) {
            return elementType;
        }
        return shape.stream()
                .map(dimension -> dimension == DYNAMIC ? "?" : Long.toString(dimension))
                .collect(Collectors.joining(",", elementType + "[", "]"));
    }
}
