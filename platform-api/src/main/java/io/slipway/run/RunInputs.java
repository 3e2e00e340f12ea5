package io.slipway.run;

import io.slipway.dataset.DatasetVersions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's input dataset versions as it finds them in {@code SLIPWAY_INPUT_DIR}: a file {@code <dataset>-v<version>}
 * each, and {@code inputs.json} listing them (dataset, version, sha256, path).
 */
final class RunInputs {

    static final String MANIFEST = "inputs.json";

    private RunInputs() {
    }

    /** Inside the run's tenant scope: its inputs' manifest entries, in the order the run named them. */
    static List<Map<String, Object>> manifest(DatasetVersions datasets, Run row, RunSpec spec) {
        List<Map<String, Object>> manifest = new ArrayList<>();
        for (String reference : spec.inputs() == null ? List.<String>of() : spec.inputs()) {
            String[] parts = reference.split(":");
            DatasetVersions.DatasetVersionRef dataset = datasets.lookup(row.projectId(), parts[0],
                    Integer.parseInt(parts[1])).orElseThrow(() -> new IllegalStateException(
                    "Input " + reference + " no longer exists"));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dataset", dataset.dataset());
            entry.put("version", dataset.version());
            entry.put("sha256", dataset.sha256());
            entry.put("path", dataset.dataset() + "-v" + dataset.version());
            manifest.add(entry);
        }
        return manifest;
    }
}
