package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InferenceRequestReaderTest {

    @Test
    void nestedJsonDataIsReadInRowMajorOrder() throws Exception {
        InferenceRequest request = read("""
                {"id": "r-1", "inputs": [{"name": "x", "shape": [2, 2], "datatype": "FP32",
                  "data": [[1, 2], [3, 4.5]]}], "outputs": [{"name": "y"}]}""");

        assertThat(request.id()).contains("r-1");
        assertThat(request.inputs()).singleElement().satisfies(x -> {
            assertThat(x.shape()).containsExactly(2, 2);
            assertThat(x.floats()).containsExactly(1, 2, 3, 4.5f);
        });
        assertThat(request.outputNames()).containsExactly("y");
        assertThat(request.wantsBinary("y")).isFalse();
    }

    @Test
    void dataBeforeItsShapeAndTypeIsReadToo() throws Exception {
        InferenceRequest request = read("""
                {"inputs": [{"data": [7, 8, 9], "name": "ids", "datatype": "INT64", "shape": [3]}]}""");

        assertThat(request.inputs().getFirst().data().asLongBuffer().get(2)).isEqualTo(9);
    }

    @Test
    void binaryInputsFollowTheJsonHeader() throws Exception {
        byte[] header = """
                {"inputs": [{"name": "x", "shape": [1, 2], "datatype": "FP32", "parameters": {"binary_data_size": 8}}],
                 "outputs": [{"name": "y", "parameters": {"binary_data": true}}]}""".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(header);
        body.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array());

        InferenceRequest request = InferenceRequestReader.read(new ByteArrayInputStream(body.toByteArray()),
                OptionalLong.of(header.length));

        assertThat(request.inputs().getFirst().floats()).containsExactly(1.5f, -2f);
        assertThat(request.wantsBinary("y")).isTrue();
    }

    @Test
    void aBinarySizeThatDoesNotFitTheShapeIsRefused() {
        byte[] header = """
                {"inputs": [{"name": "x", "shape": [1, 2], "datatype": "FP32", "parameters": {"binary_data_size": 4}}]}"""
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InferenceRequestReader.read(new ByteArrayInputStream(header), OptionalLong.of(header.length)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("inputs[0].parameters.binary_data_size"))
                .hasMessage("Input 'x' of FP32 [1,2] takes 8 bytes, not 4.");
    }

    @Test
    void aHugeShapeWithLittleDataIsRefusedWithoutReservingItsSize() {
        // 1 GiB of FP32 declared, three values sent: refused by count, having grown to a few KiB only
        assertThatThrownBy(() -> read("""
                {"inputs": [{"name": "x", "shape": [16384, 16384], "datatype": "FP32", "data": [1, 2, 3]}]}"""))
                .hasMessage("Input 'x' has 3 values, but shape [16384,16384] holds 268435456.");
    }

    @Test
    void wrongRequestsAreRefusedNamingThePlace() {
        assertThatThrownBy(() -> read("{\"inputs\": [{\"name\": \"x\", \"shape\": [2], \"datatype\": \"FP17\", \"data\": [1, 2]}]}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("inputs[0].datatype"))
                .hasMessageStartingWith("Datatype 'FP17' is not one serving takes");
        assertThatThrownBy(() -> read("{\"inputs\": [{\"name\": \"x\", \"shape\": [2], \"datatype\": \"FP32\", \"data\": [1, 2, 3]}]}"))
                .hasMessage("Input 'x' has more values than its shape [2] holds (2).");
        assertThatThrownBy(() -> read("{\"inputs\": [{\"name\": \"x\", \"shape\": [2], \"datatype\": \"INT32\", \"data\": [1, 2.5]}]}"))
                .hasMessage("Input 'x' is INT32: its data must be whole numbers.");
        assertThatThrownBy(() -> read("{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"INT8\", \"data\": [300]}]}"))
                .hasMessage("Value 300 does not fit INT8.");
        assertThatThrownBy(() -> read("{\"inputs\": []}")).hasMessage("The request has no inputs.");
        assertThatThrownBy(() -> read("{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP32\"}]}"))
                .hasMessage("Input 'x' has no data (and no binary_data_size).");
        assertThatThrownBy(() -> read("{\"inputs\": [{\"name\": \"x\", \"shape\": [1], "))
                .hasMessageStartingWith("The body is not valid JSON");
    }

    @Test
    void theResponseNamesTheVersionAndCarriesBinaryOutputsAfterItsHeader() throws Exception {
        InferenceRequest request = read("""
                {"inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [1]}],
                 "outputs": [{"name": "y", "parameters": {"binary_data": true}}, {"name": "z"}]}""");
        Tensor y = Tensor.ofFloats("y", new long[] {2}, 0.5f, 1f);
        Tensor z = Tensor.ofFloats("z", new long[] {1, 1}, 3f);

        InferenceResponseWriter response = InferenceResponseWriter.of("digits", 3, "req-9", request, List.of(y, z));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.writeTo(out);

        byte[] bytes = out.toByteArray();
        String json = new String(bytes, 0, response.headerLength(), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"model_name\":\"digits\",\"model_version\":\"3\",\"id\":\"req-9\",\"outputs\":["
                + "{\"name\":\"y\",\"datatype\":\"FP32\",\"shape\":[2],\"parameters\":{\"binary_data_size\":8}},"
                + "{\"name\":\"z\",\"datatype\":\"FP32\",\"shape\":[1,1],\"data\":[3.0]}]}");
        assertThat(response.hasBinary()).isTrue();
        ByteBuffer raw = ByteBuffer.wrap(bytes, response.headerLength(), 8).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(raw.getFloat()).isEqualTo(0.5f);
        assertThat(raw.getFloat()).isEqualTo(1f);
    }

    private static InferenceRequest read(String json) throws Exception {
        return InferenceRequestReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), OptionalLong.empty());
    }
}
