package io.slipway.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;

class SampleModelsTest {

    @TempDir
    Path dir;

    @Test
    void exportedClassifierLoadsInOnnxRuntimeAndAgreesWithTribuo() throws Exception {
        Path onnx = SampleModels.irisLikeClassifier(dir);
        Model<Label> tribuo = SampleModels.train();
        List<SampleModels.Row> rows = SampleModels.rows();

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            assertThat(session.getInputNames()).containsExactly("input");
            assertThat(session.getOutputNames()).containsExactly("output");
            assertThat(shape(session.getInputInfo().get("input"))).containsExactly(-1L, 4L);
            assertThat(shape(session.getOutputInfo().get("output"))).containsExactly(-1L, 3L);

            float[][] batch = new float[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                double[] features = rows.get(i).features();
                batch[i] = new float[features.length];
                for (int f = 0; f < features.length; f++) {
                    batch[i][f] = (float) features[f];
                }
            }
            float[][] probabilities;
            try (OnnxTensor input = OnnxTensor.createTensor(env, batch);
                    OrtSession.Result result = session.run(Map.of("input", input))) {
                probabilities = (float[][]) result.get(0).getValue();
            }

            String[] names = SampleModels.FEATURES.toArray(String[]::new);
            for (int i = 0; i < rows.size(); i++) {
                Prediction<Label> expected = tribuo.predict(new ArrayExample<>(new Label(rows.get(i).label()), names,
                        rows.get(i).features().clone()));
                for (int c = 0; c < SampleModels.CLASSES.size(); c++) {
                    double score = expected.getOutputScores().get(SampleModels.CLASSES.get(c)).getScore();
                    assertThat((double) probabilities[i][c]).as("row %d class %d", i, c).isCloseTo(score, within(1e-4));
                }
            }
        }
    }

    @Test
    void featureAndClassOrderConstantsMatchTheModel() {
        Model<Label> model = SampleModels.train();

        List<String> features = IntStream.range(0, model.getFeatureIDMap().size())
                .mapToObj(id -> model.getFeatureIDMap().get(id).getName()).toList();
        List<String> classes = IntStream.range(0, model.getOutputIDInfo().size())
                .mapToObj(id -> model.getOutputIDInfo().getOutput(id).getLabel()).toList();
        assertThat(features).isEqualTo(SampleModels.FEATURES);
        assertThat(classes).isEqualTo(SampleModels.CLASSES);
    }

    @Test
    void classifierFitsItsTrainingDataWell() {
        Model<Label> model = SampleModels.train();
        String[] names = SampleModels.FEATURES.toArray(String[]::new);

        long correct = SampleModels.rows().stream()
                .filter(row -> model.predict(new ArrayExample<>(new Label(row.label()), names, row.features().clone()))
                        .getOutput().getLabel().equals(row.label()))
                .count();
        assertThat(correct).isGreaterThanOrEqualTo(SampleModels.ROWS * 9 / 10);
    }

    @Test
    void everyExportWritesTheSameBytes() throws IOException {
        byte[] first = Files.readAllBytes(SampleModels.irisLikeClassifier(dir.resolve("first")));
        byte[] second = Files.readAllBytes(SampleModels.irisLikeClassifier(dir.resolve("second")));

        assertThat(first).isEqualTo(second);
    }

    @Test
    void exportCarriesTribuoProvenanceWithThePinnedTime() throws Exception {
        OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(SampleModels.irisLikeClassifier(dir)));

        assertThat(proto.getProducerName()).isEqualTo("Tribuo");
        assertThat(proto.getDomain()).isEqualTo(SampleModels.ONNX_DOMAIN);
        assertThat(proto.getModelVersion()).isEqualTo(SampleModels.ONNX_MODEL_VERSION);
        String provenance = proto.getMetadataPropsList().stream()
                .filter(entry -> entry.getKey().equals(ONNXExportable.PROVENANCE_METADATA_FIELD))
                .findFirst().orElseThrow().getValue();
        assertThat(ONNXExportable.SERIALIZER.deserializeAndUnmarshal(provenance))
                .isInstanceOfSatisfying(ModelProvenance.class,
                        model -> assertThat(model.getTrainingTime()).isEqualTo(SampleModels.PINNED_TIME));
        assertThat(proto.getDocString()).contains(SampleModels.PINNED_TIME.toString());
    }

    @Test
    void trainingCsvHoldsExactlyTheTrainingRows() throws IOException {
        Path csv = SampleModels.trainingCsv(dir);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(SampleModels.ROWS + 1);
        assertThat(lines.getFirst()).isEqualTo("petal_length,petal_width,sepal_length,sepal_width,species");
        List<SampleModels.Row> rows = SampleModels.rows();
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertThat(cells).hasSize(5);
            List<Double> values = new ArrayList<>();
            for (int f = 0; f < 4; f++) {
                values.add(Double.parseDouble(cells[f]));
            }
            assertThat(values).containsExactly(box(rows.get(i).features()));
            assertThat(cells[4]).isEqualTo(rows.get(i).label());
        }
        assertThat(Files.readAllBytes(SampleModels.trainingCsv(dir.resolve("again")))).isEqualTo(Files.readAllBytes(csv));
    }

    private static Double[] box(double[] values) {
        return Arrays.stream(values).boxed().toArray(Double[]::new);
    }

    private static List<Long> shape(NodeInfo node) {
        return Arrays.stream(((TensorInfo) node.getInfo()).getShape()).boxed().toList();
    }
}
