package io.slipway.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessTest {

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LogSink sink = (Instant at, String stream, String text) -> lines.add(stream + ": " + text);

    @Test
    void outputArrivesLineByLineAndTheExitCodeIsKept() throws Exception {
        LocalProcess process = LocalProcess.start(new LaunchSpec(List.of("sh", "-c",
                "echo one; echo two >&2; echo \"$GREETING\"; exit 3"), Map.of("GREETING", "hello"), dir), sink);
        assertThat(process.exit().get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(lines).contains("stdout: one", "stderr: two", "stdout: hello");
    }

    @Test
    void theEnvironmentHoldsOnlyWhatTheLaunchGivesPlusPath() throws Exception {
        LocalProcess process = LocalProcess.start(new LaunchSpec(List.of("sh", "-c", "env"), Map.of("A", "1"), dir),
                sink);
        process.exit().get(10, TimeUnit.SECONDS);
        assertThat(lines).contains("stdout: A=1").noneMatch(line -> line.contains("SLIPWAY_S3_SECRET"));
        assertThat(lines).anyMatch(line -> line.startsWith("stdout: PATH="));
    }

    @Test
    void killTreeEndsTheProcessAndAChildItLeftBehind() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        LocalProcess process = LocalProcess.start(new LaunchSpec(List.of("sh", "-c",
                "(sleep 300 & echo $! > child.pid; wait) & sleep 300"), Map.of(), dir), sink);
        long child = awaitPid(pidFile);
        assertThat(ProcessHandle.of(child)).isPresent();

        process.killTree();
        process.exit().get(10, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        ProcessHandle.of(child).ifPresent(handle -> handle.onExit().join());
        assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aProgramThatDoesNotExistFailsToStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalProcess.start(
                new LaunchSpec(List.of("/no/such/program"), Map.of(), dir), sink)).isInstanceOf(Exception.class);
    }

    private static long awaitPid(Path pidFile) throws Exception {
        for (int i = 0; i < 500; i++) {
            if (Files.exists(pidFile) && !Files.readString(pidFile).isBlank()) {
                return Long.parseLong(Files.readString(pidFile).strip());
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(10);
        }
        throw new AssertionError("the child never wrote its pid");
    }
}
