package io.slipway.compute.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code slipway-train tabular --target <column> [--data <csv>] [--steps 10] [--epochs-per-step 5]
 * [--test-fraction 0.2] [--seed 1] [--output model.onnx]}. Without {@code --data} it takes the run's only CSV
 * input. Exit codes: 0 trained, 2 bad arguments or data, 1 anything else.
 */
public final class Trainer {

    private Trainer() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.getenv()));
        } catch (TrainingException e) {
            System.err.println("slipway-train: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("slipway-train failed: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args, Map<String, String> env) throws IOException, InterruptedException {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING); // Tribuo's INFO chatter
        TrainerOptions options = TrainerOptions.parse(args);
        Path data = options.data().orElseGet(() -> onlyInput(env));
        Path output = Path.of(env.getOrDefault("SLIPWAY_OUTPUT_DIR", ".")).resolve(options.output());
        MetricsReporter reporter = MetricsReporter.fromEnvironment(env);
        TabularTraining training = new TabularTraining(options, data);
        System.out.printf(Locale.ROOT, "slipway-train: %d rows from %s, target '%s', %d features, %d classes; "
                        + "%d held out%n", training.rows(), data.getFileName(), options.target(), training.features(),
                training.classes(), training.heldOut());
        for (int step = 1; step <= options.steps(); step++) {
            TabularTraining.Evaluation evaluation = training.trainStep(step);
            System.out.printf(Locale.ROOT, "step %d: accuracy %.4f, auc %.4f%n", step, evaluation.accuracy(),
                    evaluation.auc());
            reporter.report(step, Map.of("accuracy", evaluation.accuracy(), "auc", evaluation.auc()));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        training.exportOnnx(output);
        System.out.println("slipway-train: wrote " + output.getFileName() + " (" + Files.size(output) + " bytes)");
        return 0;
    }

    private static Path onlyInput(Map<String, String> env) {
        String dir = env.get("SLIPWAY_INPUT_DIR");
        if (dir == null) {
            throw new TrainingException("--data is required outside a Slipway run (no SLIPWAY_INPUT_DIR)");
        }
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("inputs.json"))
                    .forEach(inputs::add);
        } catch (IOException e) {
            throw new TrainingException("cannot list the run's inputs in " + dir + ": " + e.getMessage());
        }
        if (inputs.size() != 1) {
            throw new TrainingException("the run has " + inputs.size() + " inputs; give --data <file> (one of "
                    + inputs.stream().map(p -> p.getFileName().toString()).toList() + ")");
        }
        return inputs.getFirst();
    }

    /** Bad arguments or data: said plainly, exit code 2. */
    static final class TrainingException extends RuntimeException {
        TrainingException(String message) {
            super(message);
        }
    }
}
