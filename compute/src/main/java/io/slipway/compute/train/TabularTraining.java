package io.slipway.compute.train;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tribuo.DataSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.evaluation.TrainTestSplitter;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * A logistic-regression classifier (Tribuo's linear SGD, multiclass log loss) on a CSV whose other columns are
 * numbers: trained longer at each step, evaluated on a seeded held-out split, exported to ONNX (input {@code input}
 * float[batch, features] with features in name order, output {@code output}: class probabilities).
 */
final class TabularTraining {

    static final String ONNX_DOMAIN = "io.slipway.train";

    /** Held-out figures of one step; AUC is the unweighted mean of one-vs-rest AUCs (the AUC itself for two classes). */
    record Evaluation(double accuracy, double auc) {
    }

    private final TrainerOptions options;
    private final MutableDataset<Label> train;
    private final MutableDataset<Label> test;
    private Model<Label> model;

    TabularTraining(TrainerOptions options, Path csv) throws IOException {
        this.options = options;
        DataSource<Label> source;
        try {
            source = new CSVLoader<>(new LabelFactory()).loadDataSource(csv, options.target());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Trainer.TrainingException("cannot read " + csv.getFileName() + " as a CSV with a '"
                    + options.target() + "' column and numeric features: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new Trainer.TrainingException("cannot read " + csv.getFileName() + ": " + e);
        }
        TrainTestSplitter<Label> split = new TrainTestSplitter<>(source, 1 - options.testFraction(), options.seed());
        this.train = new MutableDataset<>(split.getTrain());
        this.test = new MutableDataset<>(split.getTest());
        if (train.size() < 2 || test.size() < 1) {
            throw new Trainer.TrainingException("too few rows to train and hold out (" + train.size() + " and "
                    + test.size() + ")");
        }
        if (train.getOutputs().size() < 2) {
            throw new Trainer.TrainingException("the target '" + options.target() + "' has one class only");
        }
    }

    int rows() {
        return train.size() + test.size();
    }

    int heldOut() {
        return test.size();
    }

    int features() {
        return train.getFeatureMap().size();
    }

    int classes() {
        return train.getOutputs().size();
    }

    Evaluation trainStep(int step) {
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1),
                step * options.epochsPerStep(), options.seed());
        model = trainer.train(train);
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
        double auc;
        try {
            auc = evaluation.averageAUCROC(false);
        } catch (IllegalArgumentException | IllegalStateException onlyOneClassHeldOut) {
            auc = Double.NaN;
        }
        return new Evaluation(evaluation.accuracy(), Double.isNaN(auc) ? 0 : auc);
    }

    void exportOnnx(Path file) throws IOException {
        if (model == null) {
            throw new IllegalStateException("nothing trained yet");
        }
        OnnxMl.ModelProto proto = ((ONNXExportable) model).exportONNXModel(ONNX_DOMAIN, 1);
        try (OutputStream out = Files.newOutputStream(file)) {
            proto.writeTo(out);
        }
    }
}
