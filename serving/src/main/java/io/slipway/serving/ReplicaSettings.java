package io.slipway.serving;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a standalone serving replica serves and how, from its environment: the deployment's name and version,
 * where the model's bytes are (a file, or an http(s) URL such as a presigned object-store URL, so the replica
 * needs no storage credentials) and their SHA-256, checked while they stream.
 *
 * @param model where the bytes are: a path, or an http(s) URL
 */
public record ReplicaSettings(String deployment, int version, String model, String sha256, String host, int port,
                              Path workDirectory, int intraOpThreads, int concurrency, int queueCapacity,
                              BatchingSettings batching, long maxRequestBytes) {

    static final String PREFIX = "SLIPWAY_REPLICA_";

    public ReplicaSettings {
        if (version < 1 || port < 0 || concurrency < 1 || queueCapacity < 0 || maxRequestBytes < 1) {
            throw new IllegalArgumentException("version and concurrency must be positive, port and queue not negative");
        }
    }

    /** From variables named {@code SLIPWAY_REPLICA_*}; a missing required one is named in the exception. */
    public static ReplicaSettings from(Map<String, String> environment) {
        Function<String, Optional<String>> get = name -> Optional.ofNullable(environment.get(PREFIX + name))
                .map(String::strip).filter(value -> !value.isEmpty());
        Function<String, String> required = name -> get.apply(name).orElseThrow(() ->
                new IllegalArgumentException(PREFIX + name + " is required"));
        int cores = Runtime.getRuntime().availableProcessors();
        int batchSize = get.apply("BATCH_MAX_SIZE").map(Integer::parseInt).orElse(0);
        BatchingSettings batching = batchSize > 1
                ? BatchingSettings.upTo(batchSize, Duration.ofMillis(get.apply("BATCH_MAX_DELAY_MS")
                .map(Long::parseLong).orElse(2L)))
                : BatchingSettings.off();
        return new ReplicaSettings(required.apply("DEPLOYMENT"), Integer.parseInt(required.apply("VERSION")),
                required.apply("MODEL"), required.apply("SHA256"),
                get.apply("HOST").orElse("0.0.0.0"), get.apply("PORT").map(Integer::parseInt).orElse(8081),
                get.apply("WORK_DIR").map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"), "slipway-replica")),
                get.apply("INTRA_OP_THREADS").map(Integer::parseInt).orElse(1),
                get.apply("CONCURRENCY").map(Integer::parseInt).orElse(2 * cores),
                get.apply("QUEUE_CAPACITY").map(Integer::parseInt).orElse(256),
                batching,
                get.apply("MAX_REQUEST_BYTES").map(Long::parseLong).orElse(64L * 1024 * 1024));
    }

    /** Whether the model is fetched over HTTP rather than read from a file. */
    boolean modelIsUrl() {
        String scheme = URI.create(model).getScheme();
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }
}
