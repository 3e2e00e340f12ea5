package io.slipway.serving;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A named tensor as serving passes it between the protocol and ONNX Runtime: an element type, a shape and the
 * elements in row-major order as little-endian bytes (the layout of the binary tensor extension, and of ONNX
 * Runtime's buffers: its Java builds ship for little-endian machines only). Immutable: {@link #data()} hands out read-only
 * views.
 */
public final class Tensor {

    private final String name;
    private final TensorType type;
    private final long[] shape;
    private final ByteBuffer data;

    /**
     * @param data exactly {@code elementCount(shape) * type.width()} bytes from its position to its limit; the
     *             tensor keeps the buffer, so the caller must not change it afterwards
     * @throws IllegalArgumentException if a dimension is negative or the bytes do not match the shape
     */
    public Tensor(String name, TensorType type, long[] shape, ByteBuffer data) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.shape = shape.clone();
        long expected = byteSize(type, this.shape);
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("Tensor " + name + " of " + type + " " + describeShape(this.shape)
                    + " needs " + expected + " bytes, not " + data.remaining() + ".");
        }
        this.data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A FP32 tensor of those values (row-major). */
    public static Tensor ofFloats(String name, long[] shape, float... values) {
        ByteBuffer bytes = allocate(values.length * 4L);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return new Tensor(name, TensorType.FP32, shape, bytes.flip());
    }

    /** A tensor of zeros: what a warm-up run feeds a freshly loaded model. */
    public static Tensor zeros(String name, TensorType type, long[] shape) {
        return new Tensor(name, type, shape, allocate(byteSize(type, shape)));
    }

    /**
     * A direct little-endian buffer of that many bytes, the kind ONNX Runtime reads without a copy.
     *
     * @throws IllegalArgumentException if no single buffer can hold that many bytes
     */
    public static ByteBuffer allocate(long bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A tensor of " + bytes + " bytes is larger than serving handles (2 GiB).");
        }
        return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The number of elements a tensor of that shape holds (1 for a scalar). */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("Shape " + describeShape(shape) + " has a negative dimension.");
            }
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    /** The bytes a tensor of that type and shape takes. */
    public static long byteSize(TensorType type, long[] shape) {
        try {
            return Math.multiplyExact(elementCount(shape), type.width());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Shape " + describeShape(shape) + " holds more elements than serving handles.");
        }
    }

    /** {@code [1,3,224,224]}. */
    public static String describeShape(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(",", "[", "]"));
    }

    public String name() {
        return name;
    }

    public TensorType type() {
        return type;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** The size of dimension {@code index}. */
    public long dimension(int index) {
        return shape[index];
    }

    public int rank() {
        return shape.length;
    }

    public long elementCount() {
        return elementCount(shape);
    }

    /** A read-only little-endian view of the elements, from position 0. */
    public ByteBuffer data() {
        return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The same elements under another name. */
    public Tensor named(String newName) {
        return new Tensor(newName, type, shape, data.duplicate());
    }

    /** The elements as floats (for FP32 tensors, in tests and small answers). */
    public float[] floats() {
        requireType(TensorType.FP32);
        float[] values = new float[(int) elementCount()];
        data().asFloatBuffer().get(values);
        return values;
    }

    /**
     * An ONNX Runtime tensor over these bytes; without a copy when they are in a direct buffer. The caller
     * closes it; it must not outlive this tensor.
     */
    OnnxTensor toOnnx(OrtEnvironment environment) throws OrtException {
        ByteBuffer bytes = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (!bytes.isDirect()) {
            bytes = allocate(bytes.remaining()).put(bytes).flip();
        }
        return OnnxTensor.createTensor(environment, bytes, shape, type.javaType());
    }

    /**
     * The tensor ONNX Runtime returned, copied into serving's layout.
     *
     * @throws InferenceFailedException if its element type is one serving does not return (strings, say)
     */
    static Tensor fromOnnx(String name, OnnxTensor tensor) throws InferenceFailedException {
        OnnxJavaType javaType = tensor.getInfo().type;
        TensorType type = Arrays.stream(TensorType.values()).filter(t -> t.javaType() == javaType).findFirst()
                .orElseThrow(() -> new InferenceFailedException("Output " + name + " is of type " + javaType
                        + ", which serving cannot return (it returns " + TensorType.supported() + ")."));
        ByteBuffer out = allocate(byteSize(type, tensor.getInfo().getShape()));
        out.put(tensor.getByteBuffer());
        return new Tensor(name, type, tensor.getInfo().getShape(), out.flip());
    }

    /**
     * Rows {@code [from, from + count)} along the first dimension, sharing these bytes: how a batched answer is
     * handed back to each request.
     */
    public Tensor rows(long from, long count) {
        if (shape.length == 0 || from < 0 || count < 0 || from + count > shape[0]) {
            throw new IllegalArgumentException("Rows " + from + "+" + count + " are not within " + describeShape(shape) + ".");
        }
        long rowBytes = shape[0] == 0 ? 0 : data.remaining() / shape[0];
        long[] rowShape = shape.clone();
        rowShape[0] = count;
        ByteBuffer slice = data.slice((int) (from * rowBytes), (int) (count * rowBytes));
        return new Tensor(name, type, rowShape, slice);
    }

    /**
     * The tensors stacked along their first dimension, in order: how concurrent requests become one batch.
     *
     * @throws IllegalArgumentException if they differ in type, rank or any dimension after the first
     */
    public static Tensor concatenate(String name, List<Tensor> parts) {
        Tensor first = parts.getFirst();
        long rows = 0;
        for (Tensor part : parts) {
            if (!first.stacksWith(part)) {
                throw new IllegalArgumentException("Tensors of " + first.type + " " + describeShape(first.shape)
                        + " and " + part.type + " " + describeShape(part.shape) + " cannot be stacked.");
            }
            rows += part.shape[0];
        }
        long[] shape = first.shape.clone();
        shape[0] = rows;
        ByteBuffer bytes = allocate(byteSize(first.type, shape));
        for (Tensor part : parts) {
            bytes.put(part.data.duplicate());
        }
        return new Tensor(name, first.type, shape, bytes.flip());
    }

    /** Whether the two can be stacked along the first dimension: same type, same rank ≥ 1, same other dimensions. */
    public boolean stacksWith(Tensor other) {
        return type == other.type && shape.length > 0 && shape.length == other.shape.length
                && Arrays.equals(shape, 1, shape.length, other.shape, 1, other.shape.length);
    }

    private void requireType(TensorType expected) {
        if (type != expected) {
            throw new IllegalStateException("Tensor " + name + " is " + type + ", not " + expected + ".");
        }
    }

    @Override
    public String toString() {
        return name + " " + type + describeShape(shape);
    }
}
