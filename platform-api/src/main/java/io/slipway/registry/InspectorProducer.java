package io.slipway.registry;

import io.slipway.serving.InspectorSettings;
import io.slipway.serving.IsolatedOnnxInspector;
import io.slipway.serving.ModelInspector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The model inspector of the application and the spool its uploads wait in, from configuration (environment
 * variables in upper case): {@code slipway.inspector.memory} (per inspector process, default 512 MiB; a size such
 * as {@code 1Gi}), {@code .timeout} (PT60S), {@code .concurrency} (2), {@code .queue.timeout} (PT30S: how long an
 * upload waits for a free process), {@code .dir} (default {@code <slipway.data.dir>/tmp/inspector}) and
 * {@code .spool.bytes} (2 GiB: what all uploads awaiting inspection may hold at once on disk). Both are created
 * when the application starts, so a wrong setting stops the start, and leftovers of a previous run are deleted.
 */
@ApplicationScoped
public class InspectorProducer {

    static final long DEFAULT_SPOOL_BYTES = 2L << 30;

    private final Config config;

    @Inject
    public InspectorProducer(Config config) {
        this.config = config;
    }

    protected InspectorProducer() {
        this.config = null;
    }

    @Produces
    @Singleton
    ModelInspector inspector() {
        return new IsolatedOnnxInspector(settings(config));
    }

    @Produces
    @Singleton
    InspectionSpool spool() {
        return new InspectionSpool(workDir(config).resolve("uploads"), setting(config, "slipway.inspector.spool.bytes",
                InspectorSettings::parseSize).orElse(DEFAULT_SPOOL_BYTES));
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started, ModelInspector inspector,
               InspectionSpool spool) {
        // injecting them creates them: settings are checked and the spool emptied now, not at the first upload
    }

    static InspectorSettings settings(Config config) {
        InspectorSettings defaults = InspectorSettings.defaults(workDir(config));
        try {
            return new InspectorSettings(defaults.workDir(),
                    setting(config, "slipway.inspector.memory", InspectorSettings::parseSize)
                            .orElse(defaults.memoryBytes()),
                    setting(config, "slipway.inspector.timeout", Duration::parse).orElse(defaults.timeout()),
                    setting(config, "slipway.inspector.concurrency", Integer::parseInt).orElse(defaults.concurrency()),
                    setting(config, "slipway.inspector.queue.timeout", Duration::parse)
                            .orElse(defaults.queueTimeout()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid SLIPWAY_INSPECTOR_* setting: " + e.getMessage(), e);
        }
    }

    private static Path workDir(Config config) {
        return config.getOptionalValue("slipway.inspector.dir", String.class).map(Path::of)
                .orElseGet(() -> config.getOptionalValue("slipway.data.dir", String.class).map(Path::of)
                        .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "slipway"))
                        .resolve("tmp").resolve("inspector"));
    }

    private static <T> Optional<T> setting(Config config, String name, Function<String, T> parse) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(value -> !value.isEmpty())
                .map(value -> {
                    try {
                        return parse.apply(value);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(name + " (" + name.toUpperCase(Locale.ROOT).replace('.', '_')
                                + ") = '" + value + "': " + e.getMessage(), e);
                    }
                });
    }
}
