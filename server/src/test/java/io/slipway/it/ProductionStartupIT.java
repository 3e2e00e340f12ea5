package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.it.support.SecondServer;
import io.slipway.it.support.TestPlatform;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged server outside the local mode (a public URL that is not loopback) with a published dev-only
 * secret and a missing one: the application refuses to start, the log names each variable to set and no
 * value, and readiness never turns up.
 */
class ProductionStartupIT {

    @Test
    void devOnlySecretsOutsideTheLocalModeStopTheStart() throws Exception {
        try (SecondServer server = SecondServer.named("production-server")) {
            server.settings().put("SLIPWAY_PUBLIC_URL", "https://ml.example.com");
            server.settings().put("SLIPWAY_S3_SECRET_KEY", "dev-only-s3-secret");
            server.settings().remove("SLIPWAY_KEYSTORE_PASSWORD"); // so server.xml's dev-only default is used

            server.start();
            String refusal = awaitLogLine(server.log(), "refuses to start", Duration.ofMinutes(4));

            assertThat(refusal).contains("SLIPWAY_S3_SECRET_KEY is the published dev-only value")
                    .contains("SLIPWAY_KEYSTORE_PASSWORD is the published dev-only value")
                    .doesNotContain("SLIPWAY_CONSOLE_CLIENT_SECRET is")
                    .doesNotContain("SLIPWAY_S3_ACCESS_KEY is")
                    .doesNotContain("SLIPWAY_AUDIT_KEY is");
            assertThat(Files.readString(server.log())).as("no secret value is logged")
                    .doesNotContain(TestPlatform.consoleClientSecret())
                    .doesNotContain(TestPlatform.s3AccessKey());
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.base().resolve("health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as("readiness: %s", ready.body()).isNotEqualTo(200);
        }
    }

    /** The first line of the growing log that contains {@code text}, woken by the file system's events. */
    private static String awaitLogLine(Path log, String text, Duration timeout) throws Exception {
        Files.createDirectories(log.getParent());
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            log.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String found = lineWith(log, text);
                if (found != null) {
                    return found;
                }
                var key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        throw new AssertionError("no log line with '" + text + "' within " + timeout);
    }

    private static String lineWith(Path log, String text) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        String content = Files.readString(log);
        if (content.contains("CWWKZ0001I")) {
            throw new AssertionError("the application started although its secrets are dev-only");
        }
        return content.lines().filter(line -> line.contains(text)).findFirst().orElse(null);
    }
}
