package io.slipway.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./slipway start | stop | status}: the whole platform on one machine with embedded defaults.
 * Keycloak (demo realm), the S3-compatible store and Slipway run as processes of their own that keep
 * running after this command returns; their pids and data live under the data directory
 * ({@code ./.slipway} unless {@code SLIPWAY_DATA_DIR} says otherwise).
 *
 * <p>Settings (environment): {@code SLIPWAY_DATA_DIR}, {@code SLIPWAY_HTTP_PORT} (8080),
 * {@code SLIPWAY_KEYCLOAK_PORT} (8180), {@code SLIPWAY_S3_PORT} (9000), {@code SLIPWAY_LIBERTY_HOME} (the
 * Open Liberty installation the build made, {@code server/target/liberty/wlp}), and the client secrets
 * {@code SLIPWAY_CONSOLE_CLIENT_SECRET} and {@code SLIPWAY_PROVISIONER_CLIENT_SECRET} (the dev-only
 * {@link DevSecrets} when unset), which Keycloak and Slipway both get explicitly.
 */
public final class LocalPlatform {

    private final Path dataDir;
    private final int httpPort;
    private final int keycloakPort;
    private final int s3Port;
    private final LibertyServer slipway;
    private final Map<String, String> clientSecrets;

    LocalPlatform(Path home, Map<String, String> env) {
        this.dataDir = Path.of(env.getOrDefault("SLIPWAY_DATA_DIR", home.resolve(".slipway").toString()))
                .toAbsolutePath().normalize();
        this.httpPort = port(env, "SLIPWAY_HTTP_PORT", 8080);
        this.keycloakPort = port(env, "SLIPWAY_KEYCLOAK_PORT", 8180);
        this.s3Port = port(env, "SLIPWAY_S3_PORT", 9000);
        Path liberty = Path.of(env.getOrDefault("SLIPWAY_LIBERTY_HOME",
                home.resolve("server/target/liberty/wlp").toString()));
        this.slipway = new LibertyServer(liberty, dataDir.resolve("liberty"), httpPort);
        this.clientSecrets = DevSecrets.clientSecrets(env);
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        LocalPlatform platform = new LocalPlatform(Path.of("").toAbsolutePath(), System.getenv());
        try {
            switch (command) {
                case "start" -> platform.start();
                case "stop" -> platform.stop();
                case "status" -> platform.status();
                default -> {
                    System.err.println("usage: ./slipway start | stop | status");
                    System.exit(2);
                }
            }
        } catch (DevServiceException e) {
            System.err.println();
            System.err.println("slipway: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    void start() {
        Map<String, Long> running = running();
        if (!running.isEmpty()) {
            throw new DevServiceException("Slipway is already running (" + describe(running) + ") with data in "
                    + dataDir + ". Stop it first with ./slipway stop.");
        }
        if (!slipway.isInstalled()) {
            throw new DevServiceException("The server is not built yet: run ./mvnw -DskipTests package first.");
        }
        List<AutoCloseable> started = new ArrayList<>();
        try {
            say("Starting Keycloak on http://127.0.0.1:" + keycloakPort + " ...");
            KeycloakServer keycloak = KeycloakServer.builder()
                    .httpPort(keycloakPort)
                    .dataDir(dataDir.resolve("keycloak"))
                    .logFile(dataDir.resolve("logs/keycloak.log"))
                    .consoleUrl("http://localhost:" + httpPort, "http://127.0.0.1:" + httpPort)
                    .demo(true)
                    .clientSecrets(clientSecrets)
                    .build().start();
            started.add(keycloak::close);
            say("Starting the S3-compatible store on http://127.0.0.1:" + s3Port + " ...");
            EmbeddedS3 s3 = EmbeddedS3.on(s3Port, dataDir.resolve("s3"), dataDir.resolve("logs/s3.log")).start();
            started.add(s3::close);
            say("Starting Slipway on " + slipway.url() + " ...");
            slipway.start(serverSettings(keycloak, s3));
            started.add(slipway::stop);
            slipway.awaitReady();
            if (new DemoData(slipway.url(), keycloak.tokens()).ensure()) {
                say("Created the demo organizations acme and globex.");
            }
        } catch (RuntimeException e) {
            say("Start failed; stopping what was started.");
            for (AutoCloseable component : started.reversed()) {
                try {
                    component.close();
                } catch (Exception ignored) {
                    // best effort: report the original failure
                }
            }
            throw e;
        }
        printWelcome();
    }

    void stop() {
        Map<String, Long> running = running();
        if (running.isEmpty()) {
            say("Slipway is not running (data dir " + dataDir + ").");
            return;
        }
        if (running.containsKey("slipway")) {
            say("Stopping Slipway (pid " + running.get("slipway") + ") ...");
            slipway.stop();
        }
        Optional.ofNullable(running.get("s3")).ifPresent(pid -> {
            say("Stopping the S3 store (pid " + pid + ") ...");
            EmbeddedS3.stop(pid);
        });
        Optional.ofNullable(running.get("keycloak")).ifPresent(pid -> {
            say("Stopping Keycloak (pid " + pid + ") ...");
            KeycloakServer.stop(pid, Duration.ofSeconds(60));
        });
        say("Stopped. Data stays in " + dataDir + ".");
    }

    void status() {
        Map<String, Long> running = running();
        say("Data dir: " + dataDir);
        say(line("Slipway", running.get("slipway"), slipway.url()));
        say(line("Keycloak", running.get("keycloak"), "http://127.0.0.1:" + keycloakPort));
        say(line("S3 store", running.get("s3"), "http://127.0.0.1:" + s3Port));
        if (running.containsKey("slipway")) {
            ReadinessReport.of(slipway.url()).forEach(LocalPlatform::say);
        }
    }

    private Map<String, Long> running() {
        Map<String, Long> running = new LinkedHashMap<>();
        slipway.runningPid().ifPresent(pid -> running.put("slipway", pid));
        KeycloakServer.runningPid(dataDir.resolve("keycloak")).ifPresent(pid -> running.put("keycloak", pid));
        EmbeddedS3.runningPid(dataDir.resolve("s3")).ifPresent(pid -> running.put("s3", pid));
        return running;
    }

    private Map<String, String> serverSettings(KeycloakServer keycloak, EmbeddedS3 s3) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SLIPWAY_HTTP_PORT", Integer.toString(httpPort));
        settings.put("SLIPWAY_DATA_DIR", dataDir.toString());
        settings.put("SLIPWAY_KEYCLOAK_URL", keycloak.url());
        settings.put("SLIPWAY_S3_ENDPOINT", s3.endpoint());
        settings.put("SLIPWAY_S3_ACCESS_KEY", EmbeddedS3.DEV_ACCESS_KEY);
        settings.put("SLIPWAY_S3_SECRET_KEY", EmbeddedS3.DEV_SECRET_KEY);
        settings.putAll(clientSecrets);
        settings.put("ORT_DISABLE_TELEMETRY", "1");
        return settings;
    }

    private void printWelcome() {
        String url = slipway.url();
        say("");
        say("Slipway is ready.");
        say("  Console      " + url + "/");
        say("  REST API     " + url + "/api/v1   (OpenAPI: " + url + "/openapi, UI: " + url + "/openapi/ui)");
        say("  Health       " + url + "/health/ready");
        say("  Keycloak     http://127.0.0.1:" + keycloakPort + "/realms/slipway");
        say("  S3 store     http://127.0.0.1:" + s3Port);
        say("  Data         " + dataDir);
        say("");
        say("Demo logins (password = user name; dev only):");
        say("  alice  acme owner, admin of project fraud-detection");
        say("  bob    data-scientist in acme/fraud-detection");
        say("  carol  manager in acme/fraud-detection");
        say("  dave   viewer in acme/fraud-detection");
        say("  erin   owner of globex");
        say("  root   platform-admin");
        say("");
        say("A token for the API:");
        say("  curl -s -d grant_type=password -d client_id=slipway-cli -d username=bob -d password=bob \\");
        say("    http://127.0.0.1:" + keycloakPort + "/realms/slipway/protocol/openid-connect/token");
        say("Stop everything with ./slipway stop.");
    }

    private static String line(String what, Long pid, String url) {
        return String.format("  %-9s %-22s %s", what, pid == null ? "stopped" : "running (pid " + pid + ")", url);
    }

    private static String describe(Map<String, Long> running) {
        return running.entrySet().stream().map(e -> e.getKey() + " pid " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new DevServiceException(name + " must be a port number, not '" + value + "'");
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
