package io.slipway.devstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Keycloak dev instance ({@code kc.sh start-dev}) with the Slipway realm, listening on 127.0.0.1.
 *
 * <p>Keycloak runs as a separate process that outlives the JVM which started it (own session,
 * stdin from /dev/null, output appended to the log file), so {@code ./slipway start} can return while
 * it runs; {@link #close()} or {@link #stop(long, Duration)} stops it. Its H2 database and the realm
 * import live under {@code dataDir}: the realm is imported only when it does not exist yet, so users and
 * organizations created at run time survive restarts. The distribution is unpacked once into
 * {@code cacheDir/keycloak-<version>} and shared by all instances.
 *
 * <p>The realm's client secrets come only from {@link Builder#clientSecrets}: they become Keycloak's
 * environment for the import's placeholders (the caller's own {@code SLIPWAY_*} variables are not passed
 * on), and {@link #start()} refuses to run while a placeholder of the realm has no value.
 *
 * <pre>{@code
 * try (KeycloakServer keycloak = KeycloakServer.builder().dataDir(dir).demo(true)
 *         .clientSecrets(DevSecrets.CONSOLE_CLIENT_SECRET, DevSecrets.PROVISIONER_CLIENT_SECRET).build().start()) {
 *     String token = new TokenClient(keycloak.issuer()).password("bob", "bob");
 * }
 * }</pre>
 */
public final class KeycloakServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KeycloakServer.class.getName());
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 40;
    private static final int EMBEDDED_S3_PORT = 9000;
    /** Marks a Keycloak home whose start-dev build (Quarkus augmentation) is done. */
    private static final String BUILT_MARKER = ".slipway-start-dev-built";
    private static final Object FIRST_START = new Object();
    /** Environment variables that would change how kc.sh or Keycloak behave; the dev instance ignores the caller's. */
    private static final List<String> SCRUBBED_ENV_PREFIXES = List.of("KC_", "KEYCLOAK_", "QUARKUS_", "JAVA_OPTS", "JAVA_ADD_OPENS",
            "SLIPWAY_");
    private static final List<String> SCRUBBED_ENV = List.of("JAVA", "DEBUG", "DEBUG_PORT", "DEBUG_SUSPEND", "PRINT_ENV");

    private final int httpPort;
    private final int managementPort;
    private final Path dataDir;
    private final List<String> consoleUrls;
    private final boolean demo;
    private final Path logFile;
    private final Path cacheDir;
    private final Duration startTimeout;
    private final String bootstrapAdminUsername;
    private final String bootstrapAdminPassword;
    private final Map<String, String> realmVariables;

    private Process process;

    private KeycloakServer(Builder builder) {
        this.httpPort = builder.httpPort;
        this.managementPort = builder.managementPort != 0 ? builder.managementPort : builder.httpPort + 1000;
        this.dataDir = Objects.requireNonNull(builder.dataDir, "dataDir is required").toAbsolutePath().normalize();
        this.consoleUrls = List.copyOf(builder.consoleUrls);
        this.demo = builder.demo;
        this.logFile = (builder.logFile != null ? builder.logFile : dataDir.resolve("keycloak.log")).toAbsolutePath();
        this.cacheDir = (builder.cacheDir != null ? builder.cacheDir : defaultCacheDir()).toAbsolutePath();
        this.startTimeout = builder.startTimeout;
        this.bootstrapAdminUsername = builder.bootstrapAdminUsername;
        this.bootstrapAdminPassword = builder.bootstrapAdminPassword;
        this.realmVariables = Map.copyOf(builder.realmVariables);
        if (managementPort > 65535) {
            throw new IllegalArgumentException("httpPort + 1000 is not a port; set managementPort explicitly");
        }
        if (httpPort == managementPort) {
            throw new IllegalArgumentException("httpPort and managementPort must differ: " + httpPort);
        }
        if (managementPort == EMBEDDED_S3_PORT || httpPort == EMBEDDED_S3_PORT) {
            throw new IllegalArgumentException("Port " + EMBEDDED_S3_PORT + " belongs to the embedded S3 store; choose other Keycloak ports.");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts Keycloak and waits until the Slipway realm answers.
     *
     * @throws DevServiceException if a placeholder of the realm has no value, a port is taken, the process dies,
     *                             or the realm does not answer in time
     */
    public KeycloakServer start() {
        if (process != null) {
            throw new IllegalStateException("Keycloak is already started (pid " + process.pid() + ")");
        }
        ObjectNode realm = RealmTemplate.render(consoleUrls, demo);
        requireRealmVariables(RealmTemplate.environmentVariables(realm));
        LocalProcesses.requireFreePort(httpPort, "Keycloak HTTP");
        LocalProcesses.requireFreePort(managementPort, "Keycloak management");
        KeycloakDistribution distribution = KeycloakDistribution.fromBuild();
        Path home = distribution.unpackedInto(cacheDir);
        long logOffset = prepareDataDir(realm);
        long started = System.nanoTime();
        if (Files.exists(home.resolve(BUILT_MARKER))) {
            launchAndAwait(home, logOffset);
        } else {
            firstStart(home, distribution.version(), logOffset);
        }
        writePidFile();
        LOG.log(Level.INFO, "Keycloak {0} (pid {1}) answers at {2} after {3} ms; log {4}",
                distribution.version(), String.valueOf(process.pid()), issuer(),
                String.valueOf(Duration.ofNanos(System.nanoTime() - started).toMillis()), logFile);
        return this;
    }

    /**
     * Keycloak leaves a placeholder whose variable is unset as literal text, which would make the placeholder
     * itself the secret: refuse instead, naming what is missing.
     */
    private void requireRealmVariables(Set<String> needed) {
        Set<String> missing = new TreeSet<>(needed);
        realmVariables.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                missing.remove(name);
            }
        });
        if (!missing.isEmpty()) {
            throw new DevServiceException("The realm template needs " + String.join(", ", missing)
                    + " in Keycloak's environment (it has no defaults for secrets); pass them with"
                    + " KeycloakServer.Builder.clientSecrets (the dev-only values are in DevSecrets).");
        }
    }

    /**
     * The first start-dev from a freshly unpacked home runs Quarkus' build step, which rewrites files
     * under the shared {@code lib/quarkus}; concurrent first starts (say, a test suite and
     * {@code ./slipway start}) would race on them, so they take turns under a file lock.
     */
    private void firstStart(Path home, String version, long logOffset) {
        synchronized (FIRST_START) {
            try (FileChannel channel = FileChannel.open(cacheDir.resolve(".keycloak-" + version + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                launchAndAwait(home, logOffset);
                Files.writeString(home.resolve(BUILT_MARKER), "start-dev build done by slipway-devstack\n");
            } catch (IOException e) {
                throw new DevServiceException("Cannot lock " + cacheDir + " for Keycloak's first start", e);
            }
        }
    }

    private void launchAndAwait(Path home, long logOffset) {
        List<String> command = command(home);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true);
        environment(builder.environment());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DevServiceException("Cannot launch " + String.join(" ", command), e);
        }
        Thread abandon = new Thread(this::close, "keycloak-abandoned-start");
        Runtime.getRuntime().addShutdownHook(abandon);
        try {
            awaitRealm(logOffset);
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            removeShutdownHook(abandon);
        }
    }

    /**
     * The launched process: kc.sh with Keycloak's JVM as its child, or that JVM itself when kc.sh exec'd
     * into it after the first start's build step. {@link #stop(long, Duration)} handles both.
     */
    public long pid() {
        return requireStarted().pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code http://127.0.0.1:<httpPort>} */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The Slipway realm's issuer: {@code url() + "/realms/slipway"}. */
    public String issuer() {
        return url() + "/realms/" + RealmTemplate.REALM;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** A token client for this instance's Slipway realm. */
    public TokenClient tokens() {
        return new TokenClient(issuer());
    }

    /** Stops Keycloak and every process it started, waiting for them to exit. Does nothing if not running. */
    @Override
    public void close() {
        Process running = process;
        if (running == null) {
            return;
        }
        LocalProcesses.stopTree(running.toHandle(), STOP_TIMEOUT);
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // a stale pid file names a dead process; stop() tolerates that
        }
        process = null;
    }

    /**
     * Stops a Keycloak started earlier, possibly by another JVM ({@code ./slipway stop}): SIGTERM to the
     * process and all its descendants, then SIGKILL to whatever is left after {@code timeout}.
     *
     * @return false if no such process was running
     */
    public static boolean stop(long pid, Duration timeout) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        handle.ifPresent(h -> LocalProcesses.stopTree(h, timeout));
        return handle.isPresent();
    }

    /** The pid recorded in {@code dataDir/keycloak.pid} by the last successful start, if that process still runs. */
    public static Optional<Long> runningPid(Path dataDir) {
        Path pidFile = dataDir.resolve("keycloak.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The kc.sh command line. Besides the documented options, {@code -Dkeycloak.migration.dir} points the
     * startup import at {@code dataDir/import} (with the import strategy IGNORE_EXISTING that
     * {@code --import-realm} also uses): {@code --import-realm} on its own reads only
     * {@code <keycloak home>/data/import}, which is shared by every instance using the cache.
     */
    List<String> command(Path home) {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            command.add(setsid.toString()); // own session: no SIGHUP/SIGINT from the launcher's terminal
        }
        command.add(home.resolve("bin/kc.sh").toString());
        command.add("start-dev");
        command.add("--http-host=127.0.0.1");
        command.add("--http-port=" + httpPort);
        command.add("--hostname=" + url());
        command.add("--http-management-port=" + managementPort);
        command.add("--db=dev-file");
        command.add("--db-url=jdbc:h2:file:" + dataDir.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0");
        command.add("--import-realm");
        command.add("-Dkeycloak.migration.dir=" + importDir());
        command.add("-Dquarkus.transaction-manager.object-store.directory=" + dataDir.resolve("transaction-logs"));
        return command;
    }

    private void environment(Map<String, String> env) {
        env.keySet().removeIf(name -> SCRUBBED_ENV.contains(name) || SCRUBBED_ENV_PREFIXES.stream().anyMatch(name::startsWith));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_APPEND", String.join(" ", extraJvmOptions(Runtime.version().feature())));
        env.putAll(realmVariables);
        if (bootstrapAdminUsername != null) {
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", bootstrapAdminUsername);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", bootstrapAdminPassword);
        }
    }

    /**
     * JVM options kc.sh lacks for newer JDKs: jboss-threads needs java.lang opened on Java 24+ (else
     * {@code IllegalAccessError} from {@code JDKSpecific$ThreadAccess} on worker threads at shutdown), and
     * Netty's use of sun.misc.Unsafe fills the log with warnings unless allowed explicitly.
     */
    static List<String> extraJvmOptions(int javaFeatureVersion) {
        List<String> options = new ArrayList<>();
        options.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        if (javaFeatureVersion >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** Writes the realm to import; returns the log file's current size (where this run's output starts). */
    private long prepareDataDir(ObjectNode realm) {
        try {
            Files.createDirectories(importDir());
            Files.createDirectories(logFile.getParent());
            Files.writeString(importDir().resolve(RealmTemplate.REALM + "-realm.json"), RealmTemplate.json(realm));
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            throw new DevServiceException("Cannot prepare Keycloak's data directory " + dataDir, e);
        }
    }

    private Path importDir() {
        return dataDir.resolve("import");
    }

    private Path pidFile() {
        return dataDir.resolve("keycloak.pid");
    }

    private void writePidFile() {
        try {
            Files.writeString(pidFile(), process.pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm(long logOffset) {
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + startTimeout.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest request = HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).GET().build();
            while (true) {
                if (!process.isAlive()) {
                    throw new DevServiceException("Keycloak exited with status " + process.exitValue() + " while starting."
                            + LocalProcesses.logTail(logFile, logOffset, LOG_TAIL_LINES));
                }
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new DevServiceException("Keycloak did not answer " + wellKnown + " within " + startTimeout + "."
                            + LocalProcesses.logTail(logFile, logOffset, LOG_TAIL_LINES));
                }
                Thread.sleep(POLL_INTERVAL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("Interrupted while waiting for Keycloak to start", e);
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the hook runs and stops the half-started Keycloak
        }
    }

    private Process requireStarted() {
        if (process == null) {
            throw new IllegalStateException("Keycloak is not started");
        }
        return process;
    }

    /** The cache directory for unpacked distributions: {@code $SLIPWAY_CACHE_DIR}, else {@code ~/.cache/slipway}. */
    public static Path defaultCacheDir() {
        String configured = System.getenv("SLIPWAY_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "slipway");
    }

    @Override
    public String toString() {
        return "KeycloakServer[" + url() + ", dataDir=" + dataDir + (process != null ? ", pid=" + process.pid() : "") + "]";
    }

    /** Settings for a {@link KeycloakServer}; only {@link #dataDir} is required. */
    public static final class Builder {

        private int httpPort = 8180;
        private int managementPort;
        private Path dataDir;
        private List<String> consoleUrls = List.of("http://localhost:8080", "http://127.0.0.1:8080");
        private boolean demo;
        private Path logFile;
        private Path cacheDir;
        private Duration startTimeout = Duration.ofSeconds(180);
        private String bootstrapAdminUsername;
        private String bootstrapAdminPassword;
        private final Map<String, String> realmVariables = new LinkedHashMap<>();

        private Builder() {
        }

        /** HTTP port on 127.0.0.1 (default 8180). */
        public Builder httpPort(int port) {
            this.httpPort = requirePort(port);
            return this;
        }

        /** Keycloak's management interface port (default httpPort + 1000; never 9000, which the embedded S3 uses). */
        public Builder managementPort(int port) {
            this.managementPort = requirePort(port);
            return this;
        }

        /** Where Keycloak's H2 database, the realm import and (by default) the log live; kept across restarts. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The console's base URL(s), for the realm's redirect URIs and web origins (default localhost:8080 and 127.0.0.1:8080). */
        public Builder consoleUrl(String... urls) {
            if (urls.length == 0) {
                throw new IllegalArgumentException("At least one console URL");
            }
            this.consoleUrls = List.of(urls);
            return this;
        }

        /** Whether to merge the demo overlay (demo users, password grant for slipway-cli). */
        public Builder demo(boolean demo) {
            this.demo = demo;
            return this;
        }

        /** Where Keycloak's output is appended (default dataDir/keycloak.log). */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Where the distribution is unpacked (default {@link KeycloakServer#defaultCacheDir()}). */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        /** How long {@link KeycloakServer#start()} waits for the realm (default 180 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** A master-realm admin created on the first start (none by default). */
        public Builder bootstrapAdmin(String username, String password) {
            this.bootstrapAdminUsername = Objects.requireNonNull(username);
            this.bootstrapAdminPassword = Objects.requireNonNull(password);
            return this;
        }

        /**
         * The secrets of the realm's confidential clients, given to Keycloak as {@code SLIPWAY_CONSOLE_CLIENT_SECRET}
         * and {@code SLIPWAY_PROVISIONER_CLIENT_SECRET} for the import (required: the template has no defaults).
         */
        public Builder clientSecrets(String consoleClientSecret, String provisionerClientSecret) {
            realmVariables.put(DevSecrets.CONSOLE_CLIENT_SECRET_VARIABLE, Objects.requireNonNull(consoleClientSecret));
            realmVariables.put(DevSecrets.PROVISIONER_CLIENT_SECRET_VARIABLE, Objects.requireNonNull(provisionerClientSecret));
            return this;
        }

        /** {@link #clientSecrets} from a map keyed by those variable names (see {@link DevSecrets#clientSecrets}). */
        public Builder clientSecrets(Map<String, String> secretsByVariable) {
            return clientSecrets(secretsByVariable.get(DevSecrets.CONSOLE_CLIENT_SECRET_VARIABLE),
                    secretsByVariable.get(DevSecrets.PROVISIONER_CLIENT_SECRET_VARIABLE));
        }

        public KeycloakServer build() {
            return new KeycloakServer(this);
        }

        private static int requirePort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }
    }
}
