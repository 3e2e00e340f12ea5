package io.slipway.serving;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an Open Inference Protocol inference response: JSON, or with the binary tensor extension a JSON header
 * followed by the raw little-endian bytes of the outputs that asked for them. The JSON header is built first (it is
 * small: the data of binary outputs is not in it), so its length can go in {@code Inference-Header-Content-Length}.
 */
public final class InferenceResponseWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final byte[] header;
    private final List<Tensor> binary;

    private InferenceResponseWriter(byte[] header, List<Tensor> binary) {
        this.header = header;
        this.binary = binary;
    }

    /**
     * @param modelName the deployment's name
     * @param id        the request id the response carries
     */
    public static InferenceResponseWriter of(String modelName, int version, String id, InferenceRequest request,
                                             List<Tensor> outputs) {
        ByteArrayOutputStream json = new ByteArrayOutputStream(256);
        List<Tensor> binary = new ArrayList<>();
        try (JsonGenerator out = JSON.createGenerator(json, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeStringField("model_name", modelName);
            out.writeStringField("model_version", Integer.toString(version));
            out.writeStringField("id", id);
            out.writeArrayFieldStart("outputs");
            for (Tensor output : outputs) {
                out.writeStartObject();
                out.writeStringField("name", output.name());
                out.writeStringField("datatype", output.type().protocolName());
                out.writeArrayFieldStart("shape");
                for (long dimension : output.shape()) {
                    out.writeNumber(dimension);
                }
                out.writeEndArray();
                if (request.wantsBinary(output.name())) {
                    out.writeObjectFieldStart("parameters");
                    out.writeNumberField("binary_data_size", output.data().remaining());
                    out.writeEndObject();
                    binary.add(output);
                } else {
                    out.writeArrayFieldStart("data");
                    writeData(out, output);
                    out.writeEndArray();
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return new InferenceResponseWriter(json.toByteArray(), binary);
    }

    /** Whether raw bytes follow the JSON (the response needs {@code Inference-Header-Content-Length}). */
    public boolean hasBinary() {
        return !binary.isEmpty();
    }

    /** The JSON header's length in bytes. */
    public int headerLength() {
        return header.length;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(header);
        if (!binary.isEmpty()) {
            WritableByteChannel channel = Channels.newChannel(out);
            for (Tensor output : binary) {
                ByteBuffer bytes = output.data();
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        }
        out.flush();
    }

    private static void writeData(JsonGenerator out, Tensor tensor) throws IOException {
        ByteBuffer data = tensor.data();
        switch (tensor.type()) {
            case FP32 -> {
                while (data.hasRemaining()) {
                    out.writeNumber(data.getFloat());
                }
            }
            case FP64 -> {
                while (data.hasRemaining()) {
                    out.writeNumber(data.getDouble());
                }
            }
            case INT64 -> {
                while (data.hasRemaining()) {
                    out.writeNumber(data.getLong());
                }
            }
            case INT32 -> {
                while (data.hasRemaining()) {
                    out.writeNumber(data.getInt());
                }
            }
            case INT16 -> {
                while (data.hasRemaining()) {
                    out.writeNumber(data.getShort());
                }
            }
            case INT8 -> {
                while (data.hasRemaining()) {
                    out.writeNumber(data.get());
                }
            }
            case UINT8 -> {
                while (data.hasRemaining()) {
                    out.writeNumber(Byte.toUnsignedInt(data.get()));
                }
            }
            case BOOL -> {
                while (data.hasRemaining()) {
                    out.writeBoolean(data.get() != 0);
                }
            }
        }
    }
}
