package io.slipway.it.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * ONNX models of any size, produced as they are read (never held in memory): a well-formed model protobuf
 * ({@code y = x + w}) whose one initializer {@code w} holds the given number of zero bytes, as a large
 * network's weights would. ONNX Runtime loads it like any model; its loading costs memory in proportion.
 */
public final class OnnxBodies {

    private OnnxBodies() {
    }

    /** A model of about {@code totalBytes} (a few dozen bytes more): an initializer of {@code totalBytes} bytes. */
    public static InputStream withWeights(long totalBytes) {
        long floats = totalBytes / Float.BYTES;
        byte[] head = head(floats);
        byte[] tail = tail(floats);
        return new InputStream() {
            private long position;
            private final long weightBytes = floats * Float.BYTES;
            private final long length = head.length + weightBytes + tail.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(count, length - position);
                for (int i = 0; i < n; i++) {
                    long at = position + i;
                    long inTail = at - head.length - weightBytes;
                    buffer[offset + i] = at < head.length ? head[(int) at] : inTail >= 0 ? tail[(int) inTail] : 0;
                }
                position += n;
                return n;
            }
        };
    }

    /** ModelProto up to the initializer's raw data: ir_version, opset_import, and the graph's opening. */
    private static byte[] head(long floats) {
        byte[] tensorHead = concat(field(1, varint(floats)), field(2, varint(1)), bytesField(8, "w".getBytes()),
                tag(9, 2), varint(floats * Float.BYTES));
        long tensorLength = tensorHead.length + floats * Float.BYTES;
        byte[] graphTail = tail(floats);
        byte[] initializerHead = concat(tag(5, 2), varint(tensorLength));
        long graphLength = initializerHead.length + tensorLength + graphTail.length;
        return concat(field(1, varint(8)), bytesField(8, field(2, varint(17))), tag(7, 2), varint(graphLength),
                initializerHead, tensorHead);
    }

    /** The rest of the graph: input x float[1], the node Add(x, w) -> y, output y float[floats]. */
    private static byte[] tail(long floats) {
        byte[] node = concat(bytesField(1, "x".getBytes()), bytesField(1, "w".getBytes()),
                bytesField(2, "y".getBytes()), bytesField(3, "add".getBytes()), bytesField(4, "Add".getBytes()));
        return concat(bytesField(1, node), bytesField(2, "weights".getBytes()), bytesField(11, floatVector("x", 1)),
                bytesField(12, floatVector("y", floats)));
    }

    private static byte[] floatVector(String name, long length) {
        byte[] shape = bytesField(1, field(1, varint(length)));
        byte[] tensorType = concat(field(1, varint(1)), bytesField(2, shape));
        return concat(bytesField(1, name.getBytes()), bytesField(2, bytesField(1, tensorType)));
    }

    private static byte[] field(int number, byte[] varint) {
        return concat(tag(number, 0), varint);
    }

    private static byte[] bytesField(int number, byte[] value) {
        return concat(tag(number, 2), varint(value.length), value);
    }

    private static byte[] tag(int number, int wireType) {
        return varint(((long) number << 3) | wireType);
    }

    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.write((int) ((rest & 0x7f) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
