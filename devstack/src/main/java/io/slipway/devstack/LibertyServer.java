package io.slipway.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Slipway server: the Open Liberty installation the build leaves in {@code server/target/liberty/wlp},
 * run with its output (logs, work area, pid) under the platform's data directory and configured through
 * environment variables (the names the server's configuration documents). Public for tests that run a
 * server of their own (to kill it, say).
 */
public final class LibertyServer {

    private static final String SERVER = "slipway";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final Path wlp;
    private final Path outputDir;
    private final int httpPort;

    public LibertyServer(Path wlp, Path outputDir, int httpPort) {
        this.wlp = wlp;
        this.outputDir = outputDir;
        this.httpPort = httpPort;
    }

    public boolean isInstalled() {
        return Files.isRegularFile(wlp.resolve("usr/servers/" + SERVER + "/dropins/slipway.war"));
    }

    /** The pid Liberty recorded, if that process still runs. */
    public Optional<Long> runningPid() {
        try {
            long pid = Long.parseLong(Files.readString(outputDir.resolve(".pid/" + SERVER + ".pid")).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void start(Map<String, String> settings) {
        LocalProcesses.requireFreePort(httpPort, "Slipway HTTP");
        int exit = run("start", settings);
        if (exit != 0) {
            throw new DevServiceException("Liberty did not start (exit " + exit + "); see " + log());
        }
    }

    /** Waits until the server's readiness check passes (schema migrated and validated, application started). */
    public void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (runningPid().isEmpty()) {
                throw new DevServiceException("Slipway stopped while starting." + LocalProcesses.logTail(log(), 0, 40));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevServiceException("Interrupted while waiting for Slipway", e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevServiceException("Interrupted while waiting for Slipway", e);
            }
        }
        throw new DevServiceException("Slipway was not ready within " + READY_TIMEOUT + "."
                + LocalProcesses.logTail(log(), 0, 40));
    }

    public void stop() {
        Optional<Long> pid = runningPid();
        run("stop", Map.of());
        pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .ifPresent(h -> LocalProcesses.stopTree(h, Duration.ofSeconds(30)));
    }

    public String url() {
        return "http://localhost:" + httpPort;
    }

    public Path log() {
        return outputDir.resolve(SERVER + "/logs/messages.log");
    }

    private int run(String action, Map<String, String> settings) {
        ProcessBuilder builder = new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), action, SERVER))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(settings);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("WLP_OUTPUT_DIR", outputDir.toString());
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new DevServiceException("Cannot run " + wlp.resolve("bin/server"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("Interrupted while running server " + action, e);
        }
    }
}
