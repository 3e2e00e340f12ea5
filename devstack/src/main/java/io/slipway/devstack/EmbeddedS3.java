package io.slipway.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The local S3-compatible object store: S3Proxy on its filesystem back end, in a process of its own (so its
 * ~160 jars never meet the server's), listening on 127.0.0.1. Objects live under {@code dataDir/objects} and
 * survive restarts. Like {@link KeycloakServer}, the process outlives the JVM that starts it and records its
 * pid in {@code dataDir/s3.pid}.
 */
public final class EmbeddedS3 implements AutoCloseable {

    /** Dev-only credentials of the local store; production points Slipway at a real S3 with its own. */
    public static final String DEV_ACCESS_KEY = "slipway-dev";
    public static final String DEV_SECRET_KEY = "dev-only-s3-secret";

    private static final System.Logger LOG = System.getLogger(EmbeddedS3.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private final String accessKey;
    private final String secretKey;
    private Process process;

    private EmbeddedS3(int port, Path dataDir, Path logFile, String accessKey, String secretKey) {
        this.port = port;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.logFile = (logFile != null ? logFile : this.dataDir.resolve("s3.log")).toAbsolutePath();
        this.accessKey = Objects.requireNonNull(accessKey);
        this.secretKey = Objects.requireNonNull(secretKey);
    }

    /** A store with the dev-only keys {@link #DEV_ACCESS_KEY} / {@link #DEV_SECRET_KEY}. */
    public static EmbeddedS3 on(int port, Path dataDir, Path logFile) {
        return new EmbeddedS3(port, Objects.requireNonNull(dataDir), logFile, DEV_ACCESS_KEY, DEV_SECRET_KEY);
    }

    /** The same store with other keys (a test of the production mode must not use the published ones). */
    public EmbeddedS3 withCredentials(String access, String secret) {
        return new EmbeddedS3(port, dataDir, logFile, access, secret);
    }

    /** Starts the store and waits until it answers its health check. */
    public EmbeddedS3 start() {
        if (process != null) {
            throw new IllegalStateException("The S3 store is already started (pid " + process.pid() + ")");
        }
        LocalProcesses.requireFreePort(port, "S3 store");
        try {
            Files.createDirectories(dataDir.resolve("objects"));
            Files.createDirectories(logFile.getParent());
            Path properties = dataDir.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + accessKey,
                    "s3proxy.credential=" + secretKey,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.identity=" + accessKey,
                    "jclouds.credential=" + secretKey,
                    "jclouds.filesystem.basedir=" + dataDir.resolve("objects"),
                    ""));
            Path logback = dataDir.resolve("s3proxy-logback.xml");
            try (InputStream config = EmbeddedS3.class.getResourceAsStream("s3proxy-logback.xml")) {
                Files.copy(Objects.requireNonNull(config, "s3proxy-logback.xml"), logback,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            ProcessBuilder builder = new ProcessBuilder(command(properties, logback))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
            awaitHealthy(logOffset);
            Files.writeString(dataDir.resolve("s3.pid"), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the S3 store in " + dataDir, e);
        }
        LOG.log(Level.INFO, "S3 store (pid {0}) answers at {1}; objects in {2}", String.valueOf(process.pid()),
                endpoint(), dataDir.resolve("objects"));
        return this;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process != null) {
            LocalProcesses.stopTree(process.toHandle(), STOP_TIMEOUT);
            process = null;
            try {
                Files.deleteIfExists(dataDir.resolve("s3.pid"));
            } catch (IOException ignored) {
                // a stale pid file names a dead process
            }
        }
    }

    /** Stops a store started earlier, possibly by another JVM; false if it was not running. */
    public static boolean stop(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        handle.ifPresent(h -> LocalProcesses.stopTree(h, STOP_TIMEOUT));
        return handle.isPresent();
    }

    /** The pid recorded by the last start in {@code dataDir}, if that process still runs. */
    public static Optional<Long> runningPid(Path dataDir) {
        try {
            long pid = Long.parseLong(Files.readString(dataDir.resolve("s3.pid")).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private List<String> command(Path properties, Path logback) {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            command.add(setsid.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dlogback.configurationFile=" + logback);
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-cp");
        command.add(s3ProxyClassPath());
        command.add("org.gaul.s3proxy.Main");
        command.add("--properties");
        command.add(properties.toString());
        return command;
    }

    /**
     * This JVM's class path without SLF4J's JUL provider: S3Proxy routes java.util.logging into SLF4J, and
     * SLF4J writing back into java.util.logging would recurse until the stack overflows. (A test JVM of the
     * server carries that provider; the launcher's class path does not.)
     */
    static String s3ProxyClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-jdk14"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitHealthy(long logOffset) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(endpoint() + "/healthz"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DevServiceException("The S3 store exited with " + process.exitValue() + "."
                        + LocalProcesses.logTail(logFile, logOffset, 40));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevServiceException("Interrupted while waiting for the S3 store", e);
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevServiceException("Interrupted while waiting for the S3 store", e);
            }
        }
        close();
        throw new DevServiceException("The S3 store did not answer within " + START_TIMEOUT + "."
                + LocalProcesses.logTail(logFile, logOffset, 40));
    }
}
