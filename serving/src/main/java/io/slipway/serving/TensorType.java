package io.slipway.serving;

import ai.onnxruntime.OnnxJavaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The tensor element types serving accepts and returns, by their Open Inference Protocol (KServe V2) name, with
 * the ONNX element type each one is and its width in bytes (little-endian in the binary tensor extension).
 */
public enum TensorType {
    FP32("float", OnnxJavaType.FLOAT, 4),
    FP64("double", OnnxJavaType.DOUBLE, 8),
    INT64("int64", OnnxJavaType.INT64, 8),
    INT32("int32", OnnxJavaType.INT32, 4),
    INT16("int16", OnnxJavaType.INT16, 2),
    INT8("int8", OnnxJavaType.INT8, 1),
    UINT8("uint8", OnnxJavaType.UINT8, 1),
    BOOL("bool", OnnxJavaType.BOOL, 1);

    private final String onnxName;
    private final OnnxJavaType javaType;
    private final int width;

    TensorType(String onnxName, OnnxJavaType javaType, int width) {
        this.onnxName = onnxName;
        this.javaType = javaType;
        this.width = width;
    }

    /** The protocol's name: {@code FP32}, {@code INT64}, ... */
    public String protocolName() {
        return name();
    }

    /** The ONNX element type as {@link TensorSpec#elementType()} names it: {@code float}, {@code int64}, ... */
    public String onnxName() {
        return onnxName;
    }

    /** Bytes per element. */
    public int width() {
        return width;
    }

    OnnxJavaType javaType() {
        return javaType;
    }

    /** The type of that protocol name, in any case ({@code FP32}, {@code fp32}). */
    public static Optional<TensorType> ofProtocolName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.name().equals(upper)).findFirst();
    }

    /** The type serving uses for an ONNX element type ({@code float} is FP32); empty where serving has none. */
    public static Optional<TensorType> ofOnnxName(String elementType) {
        return Arrays.stream(values()).filter(type -> type.onnxName.equals(elementType)).findFirst();
    }

    /** The protocol names serving accepts, for error messages: {@code FP32, FP64, ...}. */
    public static String supported() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
