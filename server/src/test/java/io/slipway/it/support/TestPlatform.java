package io.slipway.it.support;

import io.slipway.devstack.EmbeddedS3;
import io.slipway.devstack.KeycloakServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the services the integration tests need once per test run, before Arquillian starts Liberty:
 * a fresh Keycloak with the demo realm, a fresh embedded S3 store and a fresh database. Acts only under failsafe (which sets the
 * {@code slipway.it.*} properties), so unit-test runs start nothing.
 */
public class TestPlatform implements LauncherSessionListener {

    /** Master-realm admin of the test Keycloak only, for tests that set up clients of their own. */
    public static final String ADMIN = "it-admin";

    private static KeycloakServer keycloak;
    private static EmbeddedS3 s3;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("slipway.it.keycloak.port") == null || keycloak != null) {
            return;
        }
        Path dataDir = Path.of(System.getProperty("slipway.it.data.dir"));
        deleteRecursively(dataDir);
        resetDatabase();
        int httpPort = Integer.getInteger("slipway.it.http.port");
        // stop whatever started, also when a later service fails to start or the JVM exits early
        Runtime.getRuntime().addShutdownHook(new Thread(TestPlatform::stop));
        try {
            keycloak = KeycloakServer.builder()
                    .httpPort(Integer.getInteger("slipway.it.keycloak.port"))
                    .dataDir(dataDir.resolve("keycloak"))
                    .consoleUrl("http://127.0.0.1:" + httpPort, "http://localhost:" + httpPort)
                    .demo(true)
                    .bootstrapAdmin(ADMIN, ADMIN)
                    // the server under test gets the same values (server/pom.xml, bootstrap properties)
                    .clientSecrets(consoleClientSecret(), provisionerClientSecret())
                    .build()
                    .start();
            s3 = EmbeddedS3.on(Integer.getInteger("slipway.it.s3.port"), dataDir.resolve("s3"), null)
                    .withCredentials(s3AccessKey(), s3SecretKey()).start();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    public static KeycloakServer keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("Integration tests run under failsafe (./mvnw verify)");
        }
        return keycloak;
    }

    /** The object store the server under test writes to. */
    public static EmbeddedS3 s3() {
        if (s3 == null) {
            throw new IllegalStateException("Integration tests run under failsafe (./mvnw verify)");
        }
        return s3;
    }

    /** The test realm's client secrets (server/pom.xml): not the published dev-only ones. */
    public static String consoleClientSecret() {
        return System.getProperty("slipway.it.console.client.secret");
    }

    public static String provisionerClientSecret() {
        return System.getProperty("slipway.it.provisioner.client.secret");
    }

    /** The test store's keys (server/pom.xml): not the published dev-only ones. */
    public static String s3AccessKey() {
        return System.getProperty("slipway.it.s3.access.key");
    }

    public static String s3SecretKey() {
        return System.getProperty("slipway.it.s3.secret.key");
    }

    /** Stops the object store, as an outage would; {@link #startS3()} brings the same store back. */
    public static synchronized void stopS3() {
        s3().close();
    }

    public static synchronized void startS3() {
        s3().start();
    }

    /** Stops Keycloak, as an outage would; {@link #startKeycloak()} brings the same realm back. */
    public static synchronized void stopKeycloak() {
        keycloak().close();
    }

    public static synchronized void startKeycloak() {
        keycloak().start();
    }

    private static synchronized void stop() {
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
    }

    /** On PostgreSQL, a fresh {@code slipway_it} database; the embedded database lives in the deleted data dir. */
    private static void resetDatabase() {
        if (!"postgres".equals(System.getProperty("slipway.it.db.kind"))) {
            return;
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists slipway_it with (force)");
            sql.execute("create database slipway_it");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the PostgreSQL test database on 127.0.0.1:5432", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot clear " + dir, e);
        }
    }
}
