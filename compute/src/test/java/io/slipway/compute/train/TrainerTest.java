package io.slipway.compute.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnTheRunsOnlyInputAndWritesAnOnnxModel() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        writeSeparableCsv(input.resolve("flowers-v1"));
        Files.writeString(input.resolve("inputs.json"), "[]");
        Path output = dir.resolve("output");

        int exit = Trainer.run(new String[] {"tabular", "--target", "species", "--steps", "3"},
                Map.of("SLIPWAY_INPUT_DIR", input.toString(), "SLIPWAY_OUTPUT_DIR", output.toString()));

        assertThat(exit).isZero();
        assertThat(output.resolve("model.onnx")).isNotEmptyFile();
        byte[] model = Files.readAllBytes(output.resolve("model.onnx"));
        assertThat(new String(model, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(TabularTraining.ONNX_DOMAIN);
    }

    @Test
    void heldOutAccuracyOfSeparableClassesIsHigh() throws Exception {
        Path csv = dir.resolve("data.csv");
        writeSeparableCsv(csv);
        TabularTraining training = new TabularTraining(TrainerOptions.parse(new String[] {"tabular", "--target",
                "species"}), csv);
        TabularTraining.Evaluation last = null;
        for (int step = 1; step <= 3; step++) {
            last = training.trainStep(step);
        }
        assertThat(last.accuracy()).isGreaterThan(0.9);
        assertThat(last.auc()).isGreaterThan(0.9);
        assertThat(training.classes()).isEqualTo(2);
        assertThat(training.features()).isEqualTo(2);
    }

    @Test
    void aMissingTargetOrAnUnknownOptionIsSaidPlainly() {
        assertThatThrownBy(() -> TrainerOptions.parse(new String[] {"tabular"}))
                .hasMessageContaining("--target <column> is required");
        assertThatThrownBy(() -> TrainerOptions.parse(new String[] {"tabular", "--target", "y", "--speed", "9"}))
                .hasMessageContaining("unknown option --speed");
        assertThatThrownBy(() -> TrainerOptions.parse(new String[] {"images"})).hasMessageContaining("only task");
    }

    private static void writeSeparableCsv(Path file) throws Exception {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("width,length,species\n");
        for (int i = 0; i < 200; i++) {
            boolean big = i % 2 == 0;
            double width = (big ? 5 : 1) + random.nextGaussian() * 0.5;
            double length = (big ? 8 : 2) + random.nextGaussian() * 0.5;
            csv.append(String.format(Locale.ROOT, "%.2f,%.2f,%s%n", width, length, big ? "big" : "small"));
        }
        Files.writeString(file, csv);
    }
}
