package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.Database;
import io.slipway.it.support.Poll;
import io.slipway.it.support.SecondServer;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server running a local run is killed ({@code kill -9}) and started again: the run is failed with reason
 * {@code platform restarted}, the process tree it left is ended, and the run queued behind it starts. Embedded
 * database pass only: the second server needs a database of its own, or the suite's server would run its runs.
 */
class RunRestartIT {

    /**
     * One stored line is at most 46 bytes ("{@code <time> stdout started}" with its line end, the time having up to 9
     * fraction digits) and each of the run's two lines at least 36, so 72 stored bytes mean both lines are stored.
     */
    private static final long STORED_LINES_BYTES = 72;

    @Test
    void aRunOfAKilledServerFailsAsRestartedItsProcessesEndAndTheQueueGoesOn() throws Exception {
        assumeFalse("postgres".equals(System.getProperty("slipway.it.db.kind")),
                "embedded database pass only: on PostgreSQL the second server would share the suite's database");
        try (SecondServer server = SecondServer.named("run-restart")) {
            server.start().awaitReady();
            Api api = new Api(server.base());
            TestOrg org = TestOrg.create(api);
            assertThat(api.put(Users.token("root"), org.path() + "/quotas/local-cpu",
                    Map.of("maxConcurrentRuns", 1)).status()).isEqualTo(200);
            JsonNode running = start(api, org, "echo started; sleep 300 & echo child=$!; wait");
            String log = poll(() -> api.get(Users.token("bob"), runPath(org, running) + "/logs").body(),
                    body -> body.contains("stdout child="), "the run's child pid in its log");
            // the supervisor stores a running run's new log lines every second (logBytes counts what is stored);
            // kill the server once both lines are
            poll(() -> run(api, org, running), r -> r.path("logBytes").asLong() >= STORED_LINES_BYTES,
                    "the log stored");
            JsonNode queued = start(api, org, "echo after the restart");
            poll(() -> run(api, org, queued), r -> r.path("queueReason").asText().startsWith("quota"), "queued");
            Matcher child = Pattern.compile("stdout child=(\\d+)").matcher(log);
            assertThat(child.find()).isTrue();
            long pid = Long.parseLong(child.group(1));
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the run's child").isPresent();

            // the embedded database writes committed changes to its file within a second; a kill -9 sooner loses
            // them (the run would still be queued), as a power cut would: have them written first
            Database.updateAt(server.databaseUrl(), "checkpoint");
            server.kill();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                    .as("a run's process group outlives a killed server").isPresent();
            server.start().awaitReady();

            JsonNode failed = poll(() -> run(api, org, running), r -> !r.path("state").asText().equals("running"),
                    "the killed server's run ended");
            assertThat(failed.path("state").asText()).isEqualTo("failed");
            assertThat(failed.path("reason").asText()).isEqualTo("platform restarted");
            ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the run's child").isEmpty();
            JsonNode next = poll(() -> run(api, org, queued), r -> r.path("state").asText().equals("succeeded"),
                    "the queued run ran");
            assertThat(next.path("exitCode").asInt()).isZero();
            assertThat(api.get(Users.token("bob"), runPath(org, running) + "/logs").body())
                    .as("the log written before the kill survived it").contains("stdout started");
        }
    }

    private static JsonNode start(Api api, TestOrg org, String script) {
        Api.Reply started = api.post(Users.token("bob"), org.projectPath() + "/runs", Map.of("command",
                List.of("sh", "-c", script), "resources", Map.of("cpu", 0.1, "memoryMib", 64)));
        assertThat(started.status()).as("%s", started).isEqualTo(201);
        return started.json();
    }

    private static JsonNode run(Api api, TestOrg org, JsonNode run) {
        return api.get(Users.token("bob"), runPath(org, run)).json();
    }

    private static String runPath(TestOrg org, JsonNode run) {
        return org.projectPath() + "/runs/" + run.path("id").asText();
    }

    private static <T> T poll(java.util.function.Supplier<T> read, Predicate<T> until, String what) {
        return Poll.until(read, until, Duration.ofSeconds(90), what);
    }
}
