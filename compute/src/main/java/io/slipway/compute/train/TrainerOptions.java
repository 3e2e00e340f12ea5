package io.slipway.compute.train;

import java.nio.file.Path;
import java.util.Optional;

/** The trainer's command line. */
record TrainerOptions(String target, Optional<Path> data, int steps, int epochsPerStep, double testFraction,
                      long seed, String output) {

    static final String USAGE = "usage: slipway-train tabular --target <column> [--data <csv>] [--steps 10]"
            + " [--epochs-per-step 5] [--test-fraction 0.2] [--seed 1] [--output model.onnx]";

    static TrainerOptions parse(String[] args) {
        if (args.length == 0 || !args[0].equals("tabular")) {
            throw new Trainer.TrainingException("the only task is 'tabular'; " + USAGE);
        }
        String target = null;
        Path data = null;
        int steps = 10;
        int epochs = 5;
        double testFraction = 0.2;
        long seed = 1;
        String output = "model.onnx";
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new Trainer.TrainingException(option + " needs a value; " + USAGE);
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--target" -> target = value;
                    case "--data" -> data = Path.of(value);
                    case "--steps" -> steps = Integer.parseInt(value);
                    case "--epochs-per-step" -> epochs = Integer.parseInt(value);
                    case "--test-fraction" -> testFraction = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--output" -> output = value;
                    default -> throw new Trainer.TrainingException("unknown option " + option + "; " + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new Trainer.TrainingException(option + " takes a number, not '" + value + "'");
            }
        }
        if (target == null) {
            throw new Trainer.TrainingException("--target <column> is required; " + USAGE);
        }
        if (steps < 1 || steps > 1000 || epochs < 1 || epochs > 1000) {
            throw new Trainer.TrainingException("--steps and --epochs-per-step are between 1 and 1000");
        }
        if (testFraction <= 0 || testFraction >= 1) {
            throw new Trainer.TrainingException("--test-fraction is between 0 and 1");
        }
        if (output.contains("/") || output.startsWith(".")) {
            throw new Trainer.TrainingException("--output is a file name in SLIPWAY_OUTPUT_DIR");
        }
        return new TrainerOptions(target, Optional.ofNullable(data), steps, epochs, testFraction, seed, output);
    }
}
