package io.slipway.compute;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The GPUs of this machine, read from {@code nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader,nounits}.
 * No {@code nvidia-smi}, or one that fails (no driver), means no GPUs.
 */
public final class GpuProbe {

    private static final Logger LOG = Logger.getLogger(GpuProbe.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(10);

    private GpuProbe() {
    }

    public static List<Gpu> probe(String nvidiaSmi) {
        ProcessBuilder builder = new ProcessBuilder(nvidiaSmi, "--query-gpu=index,name,memory.total",
                "--format=csv,noheader,nounits").redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.warning(() -> nvidiaSmi + " did not answer within " + WAIT + "; no GPUs assumed");
                return List.of();
            }
            if (process.exitValue() != 0) {
                LOG.info(() -> nvidiaSmi + " exited " + process.exitValue() + " (" + output.strip() + "); no GPUs");
                return List.of();
            }
            return parse(output);
        } catch (IOException e) {
            LOG.fine(() -> "No " + nvidiaSmi + " on this machine (" + e.getMessage() + "); no GPUs");
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The GPUs in {@code nvidia-smi}'s CSV answer; lines it cannot read are skipped. */
    public static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] cells = line.split(",");
            if (cells.length < 3) {
                continue;
            }
            try {
                int index = Integer.parseInt(cells[0].strip());
                String model = String.join(",", java.util.Arrays.copyOfRange(cells, 1, cells.length - 1)).strip();
                long memory = Long.parseLong(cells[cells.length - 1].strip());
                gpus.add(new Gpu(index, model, memory));
            } catch (NumberFormatException notAGpuLine) {
                LOG.fine(() -> "Skipped nvidia-smi line: " + line);
            }
        }
        return List.copyOf(gpus);
    }

    /** The pool's accelerator name for a GPU model: {@code NVIDIA H100 80GB HBM3} becomes {@code nvidia-h100}. */
    public static String acceleratorOf(String model) {
        String[] words = model.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "nvidia-gpu";
        }
        int start = words[0].equals("nvidia") ? 1 : 0;
        for (int i = start; i < words.length; i++) {
            if (words[i].matches(".*[0-9].*") && !words[i].matches("[0-9]+gb")) {
                return "nvidia-" + words[i];
            }
        }
        return "nvidia-" + (words.length > start ? words[start] : "gpu");
    }
}
