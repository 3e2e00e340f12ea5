package io.slipway.devstack;

import ai.onnx.proto.OnnxMl;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Models and data sets that the test suites make themselves, so a fresh clone needs no external files.
 * <p>
 * {@link #irisLikeClassifier(Path)} trains a Tribuo SGD logistic-regression classifier on a synthetic,
 * iris-like data set (4 numeric features, 3 classes, fixed seeds) and exports it to ONNX;
 * {@link #trainingCsv(Path)} writes exactly the rows it was trained on. Both write the same bytes on every
 * call on the same JDK: the data and the training are seeded, and the two timestamps in Tribuo's provenance
 * (when the data was "read" and when the model was trained) are pinned to {@link #PINNED_TIME}.
 */
public final class SampleModels {

    /**
     * The model's input columns in ONNX input order. Tribuo numbers features by sorted name, so this is
     * alphabetical; the training CSV uses the same column order.
     */
    public static final List<String> FEATURES = List.of("petal_length", "petal_width", "sepal_length", "sepal_width");

    /**
     * The class names in the order of the model's output columns: Tribuo's label ids, which follow the
     * iteration order of its label-count hash map, not the alphabet or the order of first appearance.
     */
    public static final List<String> CLASSES = List.of("virginica", "setosa", "versicolor");

    /** The label column of the training CSV. */
    public static final String LABEL = "species";

    /** Rows in the training data, one class after another in turn. */
    public static final int ROWS = 150;

    /** The ONNX model's {@code domain} and {@code model_version}. */
    public static final String ONNX_DOMAIN = "io.slipway.samples";
    public static final long ONNX_MODEL_VERSION = 1;

    /** The time recorded in the exported model's provenance, for byte-identical exports. */
    public static final OffsetDateTime PINNED_TIME = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final String ONNX_FILE = "iris-like-classifier.onnx";
    private static final String CSV_FILE = "iris-like-training.csv";
    private static final long DATA_SEED = 20250101L;
    private static final long TRAINER_SEED = 12345L;

    /** The classes in the order the rows cycle through them. */
    private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");
    /** Per class of {@link #SPECIES}, in {@link #FEATURES} order: mean and standard deviation (cm, like iris). */
    private static final double[][] MEANS = {{1.46, 0.25, 5.01, 3.43}, {4.26, 1.33, 5.94, 2.77}, {5.55, 2.03, 6.59, 2.97}};
    private static final double[][] SPREADS = {{0.17, 0.10, 0.35, 0.38}, {0.47, 0.20, 0.52, 0.31}, {0.55, 0.27, 0.64, 0.32}};

    private SampleModels() {
    }

    /** One training row: feature values in {@link #FEATURES} order (one decimal, as in the CSV) and the class. */
    record Row(double[] features, String label) {
    }

    /**
     * Trains the classifier and writes it as {@code iris-like-classifier.onnx} into {@code dir} (created if
     * needed). Its signature: input {@code input} float[batch,4] ({@link #FEATURES}), output {@code output}
     * float[batch,3] (class probabilities in {@link #CLASSES} order). ONNX Runtime reproduces Tribuo's
     * predictions.
     *
     * @return the path of the .onnx file
     */
    public static Path irisLikeClassifier(Path dir) {
        Path file = dir.resolve(ONNX_FILE);
        try {
            Files.createDirectories(dir);
            OnnxMl.ModelProto proto = pinProvenance(train());
            try (OutputStream out = Files.newOutputStream(file)) {
                proto.writeTo(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sample model to " + file, e);
        }
    }

    /**
     * Writes the training data as {@code iris-like-training.csv} into {@code dir} (created if needed): a header
     * ({@link #FEATURES} then {@link #LABEL}), then {@link #ROWS} rows, LF line ends, UTF-8.
     *
     * @return the path of the CSV file
     */
    public static Path trainingCsv(Path dir) {
        Path file = dir.resolve(CSV_FILE);
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(String.join(",", FEATURES) + "," + LABEL + "\n");
                for (Row row : rows()) {
                    for (double value : row.features()) {
                        out.write(String.format(Locale.ROOT, "%.1f,", value));
                    }
                    out.write(row.label() + "\n");
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sample training data to " + file, e);
        }
    }

    /** The synthetic training data: deterministic, rounded to one decimal exactly as {@link #trainingCsv} writes it. */
    static List<Row> rows() {
        Random random = new Random(DATA_SEED);
        List<Row> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            int label = i % SPECIES.size();
            double[] features = new double[FEATURES.size()];
            for (int f = 0; f < features.length; f++) {
                double value = MEANS[label][f] + SPREADS[label][f] * random.nextGaussian();
                features[f] = Math.max(0.1, Math.round(value * 10) / 10.0);
            }
            rows.add(new Row(features, SPECIES.get(label)));
        }
        return rows;
    }

    /** Trains the Tribuo model (a fresh, seeded trainer each time, so every call gives the same weights). */
    static Model<Label> train() {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("Slipway synthetic iris-like data", PINNED_TIME, labels), labels);
        String[] names = FEATURES.toArray(String[]::new);
        for (Row row : rows()) {
            Example<Label> example = new ArrayExample<>(new Label(row.label()), names, row.features().clone());
            dataset.add(example);
        }
        // logistic regression: log loss on a linear model, AdaGrad, 20 epochs, minibatch 1; logging effectively off
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 20,
                Integer.MAX_VALUE, 1, TRAINER_SEED);
        return trainer.train(dataset);
    }

    /**
     * Tribuo's export ({@link ONNXExportable#exportONNXModel}, what {@code saveONNXModel} writes) with the
     * training time in the provenance (metadata {@value ONNXExportable#PROVENANCE_METADATA_FIELD} and the doc
     * string) replaced by {@link #PINNED_TIME}; the graph and weights are untouched.
     */
    private static OnnxMl.ModelProto pinProvenance(Model<Label> model) {
        OnnxMl.ModelProto proto = ((ONNXExportable) model).exportONNXModel(ONNX_DOMAIN, ONNX_MODEL_VERSION);
        ModelProvenance trained = model.getProvenance();
        Map<String, Provenance> instance = new LinkedHashMap<>();
        for (Pair<String, ? extends Provenance> entry : trained.getInstanceProvenance()) {
            instance.put(entry.getA(), entry.getB());
        }
        ModelProvenance pinned = new ModelProvenance(trained.getClassName(), PINNED_TIME,
                trained.getDatasetProvenance(), trained.getTrainerProvenance(), instance, true);
        OnnxMl.ModelProto.Builder builder = proto.toBuilder()
                .setDocString(proto.getDocString().replace(trained.toString(), pinned.toString()));
        for (int i = 0; i < builder.getMetadataPropsCount(); i++) {
            if (ONNXExportable.PROVENANCE_METADATA_FIELD.equals(builder.getMetadataProps(i).getKey())) {
                builder.setMetadataProps(i, builder.getMetadataProps(i).toBuilder()
                        .setValue(ONNXExportable.SERIALIZER.marshalAndSerialize(pinned)));
            }
        }
        return builder.build();
    }
}
