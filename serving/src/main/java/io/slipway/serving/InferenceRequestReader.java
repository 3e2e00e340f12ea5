package io.slipway.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads an Open Inference Protocol (KServe V2) inference request: JSON, or a JSON header of the announced length
 * followed by raw little-endian tensor bytes (the binary tensor extension, {@code Inference-Header-Content-Length}).
 * Tensor data is streamed into the tensors' buffers as it is parsed, never held as a list of boxed numbers unless a
 * tensor's {@code data} comes before its shape and type. Nested {@code data} arrays are flattened in row-major order.
 */
public final class InferenceRequestReader {

    /** The longest JSON header this reader takes (the rest of a binary request is raw bytes). */
    private static final int MAX_HEADER_BYTES = 16 * 1024 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build())
            .build();

    private InferenceRequestReader() {
    }

    /**
     * @param body         the request body (the caller bounds and closes it)
     * @param headerLength the JSON header's length when the binary extension is used
     * @throws InvalidInputException if the request is not a well-formed inference request: the message says
     *                               what is wrong and where
     */
    public static InferenceRequest read(InputStream body, OptionalLong headerLength) throws InvalidInputException, IOException {
        if (headerLength.isPresent() && (headerLength.getAsLong() < 2 || headerLength.getAsLong() > MAX_HEADER_BYTES)) {
            throw new InvalidInputException("Inference-Header-Content-Length", "The JSON header length must be between 2"
                    + " and " + MAX_HEADER_BYTES + " bytes, not " + headerLength.getAsLong() + ".");
        }
        Header header;
        if (headerLength.isPresent()) {
            byte[] json = body.readNBytes((int) headerLength.getAsLong());
            if (json.length < headerLength.getAsLong()) {
                throw new InvalidInputException("Inference-Header-Content-Length", "The body ends after " + json.length
                        + " bytes, before the announced JSON header of " + headerLength.getAsLong() + " bytes.");
            }
            header = parse(JSON.createParser(json));
        } else {
            header = parse(JSON.createParser(body));
        }
        List<Tensor> inputs = new ArrayList<>(header.inputs.size());
        for (InputHeader input : header.inputs) {
            inputs.add(input.tensor(body, headerLength.isPresent()));
        }
        if (headerLength.isPresent() && body.read() >= 0) {
            throw new InvalidInputException("inputs", "The body has bytes after the last binary input.");
        }
        return new InferenceRequest(Optional.ofNullable(header.id), inputs, header.outputs, header.binaryOutputs);
    }

    private static Header parse(JsonParser parser) throws InvalidInputException, IOException {
        try (parser) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "the request", "a JSON object");
            Header header = new Header();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> header.id = text(parser, value, "id");
                    case "parameters" -> header.binaryOutputs = flag(parser, value, "binary_data_output", "parameters");
                    case "inputs" -> {
                        expect(value, JsonToken.START_ARRAY, "inputs", "an array");
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            header.inputs.add(input(parser, header.inputs.size()));
                        }
                    }
                    case "outputs" -> {
                        expect(value, JsonToken.START_ARRAY, "outputs", "an array");
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            header.outputs.add(output(parser, header.outputs.size()));
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (header.inputs.isEmpty()) {
                throw new InvalidInputException("inputs", "The request has no inputs.");
            }
            return header;
        } catch (JsonParseException e) {
            throw new InvalidInputException("body", "The body is not valid JSON: " + e.getOriginalMessage() + ".");
        }
    }

    private static InputHeader input(JsonParser parser, int index) throws InvalidInputException, IOException {
        InputHeader input = new InputHeader("inputs[" + index + "]");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> input.name = text(parser, value, input.where + ".name");
                case "datatype" -> {
                    String name = text(parser, value, input.where + ".datatype");
                    input.type = TensorType.ofProtocolName(name).orElseThrow(() -> new InvalidInputException(
                            input.where + ".datatype", "Datatype '" + name + "' is not one serving takes ("
                                    + TensorType.supported() + ")."));
                }
                case "shape" -> input.shape = shape(parser, value, input.where + ".shape");
                case "parameters" -> input.binarySize = size(parser, value, input.where + ".parameters");
                case "data" -> input.data(parser, value);
                default -> parser.skipChildren();
            }
        }
        input.requireComplete();
        return input;
    }

    private static InferenceRequest.RequestedOutput output(JsonParser parser, int index) throws InvalidInputException, IOException {
        String where = "outputs[" + index + "]";
        String name = null;
        boolean binary = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = text(parser, value, where + ".name");
                case "parameters" -> binary = flag(parser, value, "binary_data", where + ".parameters");
                default -> parser.skipChildren();
            }
        }
        if (name == null) {
            throw new InvalidInputException(where + ".name", "Requested output " + index + " has no name.");
        }
        return new InferenceRequest.RequestedOutput(name, binary);
    }

    private static long[] shape(JsonParser parser, JsonToken value, String where) throws InvalidInputException, IOException {
        expect(value, JsonToken.START_ARRAY, where, "an array of dimensions");
        List<Long> dimensions = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_NUMBER_INT) {
            long dimension = parser.getLongValue();
            if (dimension < 0) {
                throw new InvalidInputException(where, "Dimensions cannot be negative (" + dimension + ").");
            }
            dimensions.add(dimension);
            if (dimensions.size() > 32) {
                throw new InvalidInputException(where, "A tensor has at most 32 dimensions.");
            }
        }
        expect(parser.currentToken(), JsonToken.END_ARRAY, where, "an array of whole numbers");
        return dimensions.stream().mapToLong(Long::longValue).toArray();
    }

    /** {@code binary_data_size} among a tensor's parameters, skipping the others. */
    private static OptionalLong size(JsonParser parser, JsonToken value, String where) throws InvalidInputException, IOException {
        expect(value, JsonToken.START_OBJECT, where, "an object");
        OptionalLong size = OptionalLong.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if ("binary_data_size".equals(field)) {
                expect(token, JsonToken.VALUE_NUMBER_INT, where + ".binary_data_size", "a whole number");
                size = OptionalLong.of(parser.getLongValue());
            } else {
                parser.skipChildren();
            }
        }
        return size;
    }

    /** A boolean parameter among others, which are skipped. */
    private static boolean flag(JsonParser parser, JsonToken value, String name, String where) throws InvalidInputException, IOException {
        expect(value, JsonToken.START_OBJECT, where, "an object");
        boolean flag = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (name.equals(field)) {
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw new InvalidInputException(where + "." + name, "Must be true or false.");
                }
                flag = token == JsonToken.VALUE_TRUE;
            } else {
                parser.skipChildren();
            }
        }
        return flag;
    }

    private static String text(JsonParser parser, JsonToken value, String where) throws InvalidInputException, IOException {
        expect(value, JsonToken.VALUE_STRING, where, "a string");
        return parser.getText();
    }

    private static void expect(JsonToken actual, JsonToken expected, String where, String what) throws InvalidInputException {
        if (actual != expected) {
            throw new InvalidInputException(where, "'" + where + "' must be " + what + ".");
        }
    }

    private static final class Header {
        private String id;
        private boolean binaryOutputs;
        private final List<InputHeader> inputs = new ArrayList<>();
        private final List<InferenceRequest.RequestedOutput> outputs = new ArrayList<>();
    }

    /** One input as its JSON describes it, with its data once read. */
    private static final class InputHeader {
        private final String where;
        private String name;
        private TensorType type;
        private long[] shape;
        private OptionalLong binarySize = OptionalLong.empty();
        private ByteBuffer data;

        InputHeader(String where) {
            this.where = where;
        }

        /** Reads the {@code data} member: straight into the buffer when the type and shape came first. */
        void data(JsonParser parser, JsonToken value) throws InvalidInputException, IOException {
            expect(value, JsonToken.START_ARRAY, where + ".data", "an array");
            if (type != null && shape != null) {
                Growing into = new Growing(byteSize());
                readElements(parser, into, 0);
                if (!into.full()) {
                    throw countMismatch(into.written() / type.width());
                }
                data = into.filled();
            } else {
                List<Object> values = new ArrayList<>();
                collect(parser, values, 0);
                pending = values;
            }
        }

        private List<Object> pending;

        private void readElements(JsonParser parser, Growing into, int depth) throws InvalidInputException, IOException {
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    if (depth > 32) {
                        throw new InvalidInputException(where + ".data", "The data is nested too deeply.");
                    }
                    readElements(parser, into, depth + 1);
                    continue;
                }
                if (into.full()) {
                    throw new InvalidInputException(where + ".data", "Input '" + name + "' has more values than its shape "
                            + Tensor.describeShape(shape) + " holds (" + elementCount() + ").");
                }
                put(parser, token, into);
            }
        }

        private void collect(JsonParser parser, List<Object> values, int depth) throws InvalidInputException, IOException {
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    if (depth > 32) {
                        throw new InvalidInputException(where + ".data", "The data is nested too deeply.");
                    }
                    collect(parser, values, depth + 1);
                } else if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                    values.add(token == JsonToken.VALUE_TRUE);
                } else if (token.isNumeric()) {
                    values.add(parser.getNumberValue());
                } else {
                    throw new InvalidInputException(where + ".data", "Tensor data must be numbers or booleans.");
                }
            }
        }

        private void put(JsonParser parser, JsonToken token, Growing into) throws InvalidInputException, IOException {
            try {
                switch (type) {
                    case FP32 -> into.room(4).putFloat(number(parser, token).getFloatValue());
                    case FP64 -> into.room(8).putDouble(number(parser, token).getDoubleValue());
                    case INT64 -> into.room(8).putLong(integer(parser, token).getLongValue());
                    case INT32 -> into.room(4).putInt(integer(parser, token).getIntValue());
                    case INT16 -> into.room(2).putShort(integer(parser, token).getShortValue());
                    case INT8 -> into.room(1).put(integer(parser, token).getByteValue());
                    case UINT8 -> into.room(1).put((byte) unsigned(integer(parser, token).getIntValue()));
                    case BOOL -> into.room(1).put((byte) (bool(token) ? 1 : 0));
                }
            } catch (com.fasterxml.jackson.core.exc.InputCoercionException e) {
                throw new InvalidInputException(where + ".data", "Value " + parser.getText() + " does not fit " + type + ".");
            }
        }

        private JsonParser number(JsonParser parser, JsonToken token) throws InvalidInputException {
            if (!token.isNumeric()) {
                throw new InvalidInputException(where + ".data", "Input '" + name + "' is " + type + ": its data must be numbers.");
            }
            return parser;
        }

        private JsonParser integer(JsonParser parser, JsonToken token) throws InvalidInputException {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw new InvalidInputException(where + ".data", "Input '" + name + "' is " + type + ": its data must be whole numbers.");
            }
            return parser;
        }

        private int unsigned(int value) throws InvalidInputException {
            if (value < 0 || value > 255) {
                throw new InvalidInputException(where + ".data", "Value " + value + " does not fit UINT8.");
            }
            return value;
        }

        private boolean bool(JsonToken token) throws InvalidInputException {
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw new InvalidInputException(where + ".data", "Input '" + name + "' is BOOL: its data must be true or false.");
            }
            return token == JsonToken.VALUE_TRUE;
        }

        void requireComplete() throws InvalidInputException {
            if (name == null) {
                throw new InvalidInputException(where + ".name", "Input " + where + " has no name.");
            }
            if (type == null) {
                throw new InvalidInputException(where + ".datatype", "Input '" + name + "' has no datatype.");
            }
            if (shape == null) {
                throw new InvalidInputException(where + ".shape", "Input '" + name + "' has no shape.");
            }
            if (binarySize.isPresent() == (data != null || pending != null)) {
                throw new InvalidInputException(where + ".data", binarySize.isPresent()
                        ? "Input '" + name + "' has both data and a binary_data_size; give one."
                        : "Input '" + name + "' has no data (and no binary_data_size).");
            }
        }

        Tensor tensor(InputStream body, boolean binary) throws InvalidInputException, IOException {
            if (binarySize.isPresent()) {
                if (!binary) {
                    throw new InvalidInputException(where + ".parameters.binary_data_size", "Input '" + name
                            + "' is sent as binary data, but the request has no Inference-Header-Content-Length.");
                }
                long expected = byteSize();
                if (binarySize.getAsLong() != expected) {
                    throw new InvalidInputException(where + ".parameters.binary_data_size", "Input '" + name + "' of "
                            + type + " " + Tensor.describeShape(shape) + " takes " + expected + " bytes, not "
                            + binarySize.getAsLong() + ".");
                }
                Growing bytes = new Growing(expected);
                byte[] chunk = new byte[(int) Math.min(64 * 1024, Math.max(1, expected))];
                while (!bytes.full()) {
                    int n = body.read(chunk, 0, (int) Math.min(chunk.length, expected - bytes.written()));
                    if (n < 0) {
                        throw new InvalidInputException(where + ".parameters.binary_data_size", "The body ends before the"
                                + " " + expected + " bytes of input '" + name + "'.");
                    }
                    bytes.room(n).put(chunk, 0, n);
                }
                return new Tensor(name, type, shape, bytes.filled());
            }
            if (pending != null) {
                data = fromValues(pending);
            }
            return new Tensor(name, type, shape, data);
        }

        private ByteBuffer fromValues(List<Object> values) throws InvalidInputException {
            if (values.size() != elementCount()) {
                throw countMismatch(values.size());
            }
            ByteBuffer bytes = allocate();
            for (Object value : values) {
                switch (type) {
                    case FP32 -> bytes.putFloat(((Number) numeric(value)).floatValue());
                    case FP64 -> bytes.putDouble(((Number) numeric(value)).doubleValue());
                    case INT64 -> bytes.putLong(((Number) numeric(value)).longValue());
                    case INT32 -> bytes.putInt(((Number) numeric(value)).intValue());
                    case INT16 -> bytes.putShort(((Number) numeric(value)).shortValue());
                    case INT8, UINT8 -> bytes.put(((Number) numeric(value)).byteValue());
                    case BOOL -> bytes.put((byte) (Boolean.TRUE.equals(value) ? 1 : 0));
                }
            }
            return bytes.flip();
        }

        private Object numeric(Object value) throws InvalidInputException {
            if (!(value instanceof Number)) {
                throw new InvalidInputException(where + ".data", "Input '" + name + "' is " + type + ": its data must be numbers.");
            }
            return value;
        }

        private InvalidInputException countMismatch(long count) {
            return new InvalidInputException(where + ".data", "Input '" + name + "' has " + count + " values, but shape "
                    + Tensor.describeShape(shape) + " holds " + Tensor.byteSize(type, shape) / type.width() + ".");
        }

        private long elementCount() throws InvalidInputException {
            try {
                return Tensor.elementCount(shape);
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new InvalidInputException(where + ".shape", "Shape " + Tensor.describeShape(shape)
                        + " holds more elements than serving handles.");
            }
        }

        private long byteSize() throws InvalidInputException {
            try {
                return Tensor.byteSize(type, shape);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where + ".shape", e.getMessage());
            }
        }

        private ByteBuffer allocate() throws InvalidInputException {
            return Tensor.allocate(byteSize());
        }

        /**
         * A buffer that grows (doubling) as data arrives, up to the tensor's size: what a request declares costs
         * memory only once its bytes are there, so a large shape with little data cannot reserve gigabytes.
         */
        private final class Growing {
            private final long target;
            private ByteBuffer buffer;

            Growing(long target) throws InvalidInputException {
                if (target > Integer.MAX_VALUE) {
                    throw new InvalidInputException(where + ".shape", "Input '" + name + "' of " + target
                            + " bytes is larger than serving handles (2 GiB).");
                }
                this.target = target;
                this.buffer = Tensor.allocate(Math.min(target, 64 * 1024));
            }

            ByteBuffer room(int bytes) {
                if (buffer.remaining() < bytes) {
                    long capacity = Math.min(target, Math.max((long) buffer.capacity() * 2, buffer.position() + (long) bytes));
                    ByteBuffer larger = Tensor.allocate(capacity);
                    larger.put(buffer.flip());
                    buffer = larger;
                }
                return buffer;
            }

            boolean full() {
                return buffer.position() == target;
            }

            long written() {
                return buffer.position();
            }

            ByteBuffer filled() {
                return buffer.flip();
            }
        }
    }
}
