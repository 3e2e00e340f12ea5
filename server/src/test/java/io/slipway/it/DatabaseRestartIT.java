package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts while four clients read and write: requests in flight fail cleanly (a 503
 * problem+json or a success, never a 500), and the connection pool reconnects by itself. Runs in the
 * PostgreSQL pass ({@code SLIPWAY_TEST_DB=postgres}) on a machine where this user may restart the local
 * cluster (CI runs as root); skipped elsewhere, saying why.
 */
class DatabaseRestartIT extends ApiTestBase {

    private static final int CLIENTS = 4;

    @Test
    void requestsDuringARestartFailCleanlyAndThePoolReconnects() throws Exception {
        assumeTrue("postgres".equals(System.getProperty("slipway.it.db.kind")),
                "runs in the PostgreSQL pass only (SLIPWAY_TEST_DB=postgres)");
        List<String> restart = restartCommand();
        assumeTrue(!restart.isEmpty(), "pg_ctlcluster and a cluster under /etc/postgresql are needed");
        TestOrg org = TestOrg.create(api);
        String alice = Users.token("alice");
        String bob = Users.token("bob");
        ConcurrentLinkedQueue<Api.Reply> replies = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            load.add(clients.submit(() -> {
                for (int n = 0; running.get() && n < 5000; n++) {
                    replies.add(client % 2 == 0
                            ? api.get(bob, org.projectPath() + "/datasets")
                            : api.patch(alice, org.projectPath(), Map.of("description", "load " + n)));
                }
            }));
        }
        try {
            Process process = new ProcessBuilder(restart).redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("PostgreSQL restarted").isTrue();
            assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        } finally {
            running.set(false);
            for (Future<?> client : load) {
                client.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();
        }

        // the two writers edit the same project, so a write may also lose the race for it (409)
        assertThat(replies).as("every answer during the restart is a success, a clean 503 or a lost race")
                .allMatch(reply -> reply.status() < 300
                        || reply.status() == 503 && reply.isProblem()
                        && "database-unavailable".equals(reply.json().path("code").asText())
                        || reply.status() == 409 && "concurrent-modification".equals(reply.json().path("code").asText()))
                .anyMatch(reply -> reply.status() == 503);
        Api.Reply after = null;
        for (int attempt = 0; attempt < 50; attempt++) { // the pool drops broken connections as they fail
            after = api.get(bob, org.projectPath() + "/datasets");
            if (after.status() == 200) {
                break;
            }
            assertThat(after.status()).as("%s", after).isEqualTo(503);
        }
        assertThat(after.status()).as("the pool reconnected: %s", after).isEqualTo(200);
        assertThat(api.patch(alice, org.projectPath(), Map.of("description", "after")).status()).isEqualTo(200);
    }

    private static List<String> restartCommand() throws IOException {
        Path clusters = Path.of("/etc/postgresql");
        Path ctl = Path.of("/usr/bin/pg_ctlcluster");
        if (!Files.isExecutable(ctl) || !Files.isDirectory(clusters)) {
            return List.of();
        }
        try (var versions = Files.list(clusters)) {
            return versions.map(dir -> dir.getFileName().toString()).sorted().reduce((a, b) -> b)
                    .map(version -> List.of(ctl.toString(), "--skip-systemctl-redirect", version, "main", "restart",
                            "--", "-m", "fast"))
                    .orElse(List.of());
        }
    }
}
