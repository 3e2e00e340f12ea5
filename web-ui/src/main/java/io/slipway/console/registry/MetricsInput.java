package io.slipway.console.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import io.slipway.api.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What people type as a model version's metrics or training data. Metrics: {@code accuracy=0.93, f1=0.88}
 * ({@code :} also separates, commas, semicolons or new lines between entries) or a JSON object of numbers.
 * Training data: dataset versions as {@code name:version}, separated by commas or spaces.
 */
final class MetricsInput {

    private static final Pattern ENTRY_SEPARATOR = Pattern.compile("[,;\\n]");
    private static final Pattern DATASET_VERSION = Pattern.compile("[a-z0-9-]{1,63}:[0-9]{1,9}");

    private MetricsInput() {
    }

    /**
     * @return the metrics, empty for blank input
     * @throws IllegalArgumentException saying what is wrong, for the field's error message
     */
    static Map<String, Double> metrics(String text) {
        String input = text == null ? "" : text.strip();
        if (input.isEmpty()) {
            return Map.of();
        }
        if (input.startsWith("{")) {
            try {
                return Json.MAPPER.readValue(input, new TypeReference<LinkedHashMap<String, Double>>() { });
            } catch (IOException e) {
                throw new IllegalArgumentException("not a JSON object of numbers, e.g. {\"accuracy\": 0.93}");
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String entry : ENTRY_SEPARATOR.split(input)) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("[=:]", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("'" + entry.strip() + "' is not name=number");
            }
            try {
                metrics.put(parts[0].strip(), Double.valueOf(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[1].strip() + "' is not a number");
            }
        }
        return metrics;
    }

    /** Dataset versions as {@code name:version}; empty for blank input. */
    static List<String> datasets(String text) {
        String input = text == null ? "" : text.strip();
        if (input.isEmpty()) {
            return List.of();
        }
        List<String> references = List.of(input.split("[,\\s]+"));
        for (String reference : references) {
            if (!DATASET_VERSION.matcher(reference).matches()) {
                throw new IllegalArgumentException("'" + reference + "' is not name:version");
            }
        }
        return references;
    }
}
