package io.slipway.it.support;

import io.slipway.devstack.LibertyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A packaged Slipway of a test's own, beside the one Arquillian manages: the same Liberty installation,
 * Keycloak and object store (and, on PostgreSQL, the same database, as a second pod would share it), its own
 * port, output and data directories. For tests that kill a server or start one misconfigured on purpose.
 */
public final class SecondServer implements AutoCloseable {

    private final LibertyServer server;
    private final int port;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final String databaseUrl;

    private SecondServer(String name) {
        this.port = freePort();
        Path output = Path.of(System.getProperty("slipway.it.data.dir"), name);
        this.server = new LibertyServer(Path.of(System.getProperty("slipway.it.wlp.home")), output, port);
        settings.put("SLIPWAY_HTTP_PORT", Integer.toString(port));
        settings.put("SLIPWAY_HTTP_HOST", "127.0.0.1");
        settings.put("SLIPWAY_DATA_DIR", output.resolve("data").toString());
        settings.put("SLIPWAY_KEYCLOAK_URL", TestPlatform.keycloak().url());
        settings.put("SLIPWAY_S3_ENDPOINT", TestPlatform.s3().endpoint());
        settings.put("SLIPWAY_S3_ACCESS_KEY", TestPlatform.s3AccessKey());
        settings.put("SLIPWAY_S3_SECRET_KEY", TestPlatform.s3SecretKey());
        settings.put("SLIPWAY_CONSOLE_CLIENT_SECRET", TestPlatform.consoleClientSecret());
        settings.put("SLIPWAY_PROVISIONER_CLIENT_SECRET", TestPlatform.provisionerClientSecret());
        settings.put("SLIPWAY_KEYSTORE_PASSWORD", "it-" + name + "-keystore-password");
        settings.put("SLIPWAY_AUDIT_KEY", System.getProperty("slipway.it.audit.key"));
        settings.put("ORT_DISABLE_TELEMETRY", "1");
        if ("postgres".equals(System.getProperty("slipway.it.db.kind"))) {
            databaseUrl = System.getProperty("slipway.it.db.url");
            settings.put("SLIPWAY_DB_KIND", "postgresql");
            settings.put("SLIPWAY_DB_USER", "postgres");
            settings.put("SLIPWAY_DB_PASSWORD", "");
        } else { // its own embedded database, which a test may open beside it (AUTO_SERVER)
            databaseUrl = "jdbc:h2:file:" + output.resolve("data/db/slipway") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                    + ";DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
            settings.put("SLIPWAY_DB_USER", "slipway");
        }
        settings.put("SLIPWAY_DB_URL", databaseUrl);
    }

    /** A server named {@code name} (its directories under the test data directory); not started yet. */
    public static SecondServer named(String name) {
        return new SecondServer(name);
    }

    /** The environment it starts with; change it before {@link #start()}. */
    public Map<String, String> settings() {
        return settings;
    }

    public SecondServer start() {
        server.start(settings);
        return this;
    }

    public SecondServer awaitReady() {
        server.awaitReady();
        return this;
    }

    /** SIGKILL, as the kernel's OOM killer or a node failure would end it; returns once it is gone. */
    public void kill() throws Exception {
        ProcessHandle process = ProcessHandle.of(server.runningPid().orElseThrow()).orElseThrow();
        if (!process.destroyForcibly()) {
            throw new IllegalStateException("cannot kill pid " + process.pid());
        }
        process.onExit().get(1, java.util.concurrent.TimeUnit.MINUTES);
    }

    /** Its database, for tests that play an operator (or the clock) behind its back. */
    public String databaseUrl() {
        return databaseUrl;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Path log() {
        return server.log();
    }

    @Override
    public void close() {
        if (server.runningPid().isPresent()) {
            server.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
