package io.slipway.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Liberty server under test, as the operating system sees it: Arquillian starts it as a child process of
 * the test JVM. Linux only (it reads {@code /proc}).
 */
public final class ServerProcess {

    private final long pid;

    private ServerProcess(long pid) {
        this.pid = pid;
    }

    /** The server process started for this test run; fails when there is none. */
    public static ServerProcess find() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("ws-javaagent.jar"))
                .findFirst().map(process -> new ServerProcess(process.pid()))
                .orElseThrow(() -> new AssertionError("No Liberty server among this JVM's child processes"));
    }

    /** Forgets the peak resident memory so far, so that {@link #peakMemoryBytes()} measures from now on. */
    public void resetPeakMemory() {
        try {
            Files.writeString(proc().resolve("clear_refs"), "5");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's resident memory now (VmRSS), in bytes. */
    public long residentMemoryBytes() {
        return statusBytes("VmRSS:");
    }

    /** The most resident memory the process has had (since the last reset), in bytes (VmHWM). */
    public long peakMemoryBytes() {
        return statusBytes("VmHWM:");
    }

    private long statusBytes(String field) {
        try {
            return Files.readAllLines(proc().resolve("status")).stream().filter(line -> line.startsWith(field))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst()
                    .orElseThrow(() -> new AssertionError("No " + field + " in /proc/" + pid + "/status"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path proc() {
        return Path.of("/proc", Long.toString(pid));
    }
}
