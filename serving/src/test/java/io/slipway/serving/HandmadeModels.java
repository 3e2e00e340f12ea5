package io.slipway.serving;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** ONNX models written by hand (with the ONNX protobuf classes Tribuo ships), for sizes no trained model has. */
final class HandmadeModels {

    private HandmadeModels() {
    }

    /**
     * {@code y = x + w}, where {@code w} is an initializer of {@code floats} zeros stored in the file: a model
     * whose loading needs memory in proportion to its size (ONNX Runtime holds the parsed file and the tensor).
     */
    static Path addsAWeight(Path file, int floats) throws IOException {
        TensorProto weight = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(floats).setRawData(ByteString.copyFrom(new byte[floats * Float.BYTES])).build();
        GraphProto graph = GraphProto.newBuilder().setName("adds-a-weight")
                .addInitializer(weight)
                .addInput(floatVector("x", 1))
                .addNode(NodeProto.newBuilder().setName("add").setOpType("Add").addInput("x").addInput("w").addOutput("y"))
                .addOutput(floatVector("y", floats))
                .build();
        ModelProto model = ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(graph).build();
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return file;
    }

    /**
     * {@code y = x * factor} for {@code x} of float[batch, 2], where batch is a dynamic dimension: a model whose
     * versions tell apart by their answers, and whose requests can be batched.
     */
    static Path multipliesBy(Path file, float factor) throws IOException {
        TensorProto weight = TensorProto.newBuilder().setName("factor").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addFloatData(factor).build();
        GraphProto graph = GraphProto.newBuilder().setName("multiplies")
                .addInitializer(weight)
                .addInput(floatRows("x"))
                .addNode(NodeProto.newBuilder().setName("mul").setOpType("Mul").addInput("x").addInput("factor").addOutput("y"))
                .addOutput(floatRows("y"))
                .build();
        ModelProto model = ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(graph).build();
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return file;
    }

    /** float[batch, 2] with a dynamic (named) first dimension. */
    private static ValueInfoProto floatRows(String name) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(TensorShapeProto.newBuilder()
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(2))))).build();
    }

    private static ValueInfoProto floatVector(String name, long length) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(TensorShapeProto.newBuilder()
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(length))))).build();
    }
}
