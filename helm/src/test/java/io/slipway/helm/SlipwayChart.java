package io.slipway.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart under test, driven through helm-java's embedded Helm: render with a scenario's values
 * (plus --set style overrides) and lint strictly with them.
 */
final class SlipwayChart {

    static final String RELEASE = "ml";
    static final String NAMESPACE = "slipway-system";
    /** Release "ml" of chart "slipway": every object name starts with this. */
    static final String FULLNAME = "ml-slipway";

    static final String MINIMAL = "minimal-values.yaml";
    static final String EXTERNAL = "external-services-values.yaml";
    static final String GPU_KUEUE = "gpu-kueue-values.yaml";
    static final String HA = "ha-values.yaml";
    /** helm-java's embedded Helm reports Kubernetes v1.20 unless told otherwise; the chart needs >= 1.27. */
    static final String KUBE_VERSION = "1.33.0";

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path dir;

    SlipwayChart(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    static SlipwayChart fromBuild() {
        return new SlipwayChart(Path.of(System.getProperty("slipway.chart.dir", "slipway")));
    }

    Path dir() {
        return dir;
    }

    Path scenario(String fileName) {
        return dir.resolve("ci").resolve(fileName);
    }

    /** The scenario values files under ci/, by file name. */
    List<String> scenarioFileNames() {
        try (Stream<Path> files = Files.list(dir.resolve("ci"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Manifests render(String scenarioFileName) {
        return render(scenarioFileName, Map.of());
    }

    /** Renders with the scenario file (null: chart defaults only) and then the overrides, like --set. */
    Manifests render(String scenarioFileName, Map<String, Object> overrides) {
        return Manifests.parse(renderRaw(scenarioFileName, overrides));
    }

    /** Renders with the scenario file (null: chart defaults only) and then a further values file, like a second -f. */
    Manifests render(String scenarioFileName, Path extraValuesFile) {
        return Manifests.parse(renderRaw(scenarioFileName, Map.of(), extraValuesFile));
    }

    /** Renders and returns Helm's output; a failure (schema, required value, template error) throws IllegalStateException. */
    String renderRaw(String scenarioFileName, Map<String, Object> overrides) {
        return renderRaw(scenarioFileName, overrides, null);
    }

    private String renderRaw(String scenarioFileName, Map<String, Object> overrides, Path extraValuesFile) {
        TemplateCommand template = new Helm(dir).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (scenarioFileName != null) {
            template = template.withValuesFile(scenario(scenarioFileName));
        }
        if (extraValuesFile != null) {
            template = template.withValuesFile(extraValuesFile);
        }
        for (Map.Entry<String, Object> override : new LinkedHashMap<>(overrides).entrySet()) {
            template = template.set(override.getKey(), override.getValue());
        }
        return template.call();
    }

    /**
     * The NOTES.txt an install with this scenario prints. helm-java's template() leaves NOTES out;
     * a client-only dry-run install renders them without contacting any cluster.
     */
    String installNotes(String scenarioFileName) {
        String output = new Helm(dir).install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(scenario(scenarioFileName))
                .dryRun()
                .withDryRunOption(DryRun.CLIENT)
                .clientOnly()
                .call()
                .getOutput();
        int notes = output.indexOf("NOTES:");
        if (notes < 0) {
            throw new AssertionError("install printed no NOTES:\n" + output);
        }
        return output.substring(notes);
    }

    LintResult lintStrict() {
        return new Helm(dir).lint().strict().call();
    }

    /**
     * Lints strictly as {@code helm lint --strict -f values} would. helm-java's lint takes no values
     * files, so this lints a scratch copy of the chart whose values.yaml is the chart's defaults
     * coalesced with {@code values} (maps merge key by key, anything else replaces, null deletes).
     */
    LintResult lintStrictWith(JsonNode values, Path scratch) {
        try {
            Path copy = scratch.resolve(dir.getFileName());
            copyTree(dir, copy);
            ObjectNode merged = (ObjectNode) YAML.readTree(dir.resolve("values.yaml").toFile());
            coalesce(merged, values);
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LintResult lintStrictWith(String scenarioFileName, Path scratch) {
        return lintStrictWith(scenarioValues(scenarioFileName), scratch);
    }

    JsonNode scenarioValues(String fileName) {
        try {
            return YAML.readTree(scenario(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void coalesce(ObjectNode base, JsonNode overrides) {
        if (overrides == null || !overrides.isObject()) {
            return;
        }
        overrides.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            JsonNode current = base.get(entry.getKey());
            if (value.isNull()) {
                base.remove(entry.getKey());
            } else if (value.isObject() && current != null && current.isObject()) {
                coalesce((ObjectNode) current, value);
            } else {
                base.set(entry.getKey(), value.deepCopy());
            }
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
