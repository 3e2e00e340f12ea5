package io.slipway.compute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A run's process tree on this machine. The program starts in a session of its own ({@code setsid}), so it and
 * everything it starts share one process group, which {@link #killTree()} ends at once, children that left their
 * parent included. Its output is read line by line (lines longer than {@link #MAX_LINE_CHARS} are split) and
 * handed to a {@link LogSink}; {@link #exit()} completes with the exit code once the process has ended and its
 * output is read.
 */
public final class LocalProcess {

    public static final int MAX_LINE_CHARS = 16 * 1024;
    private static final Logger LOG = Logger.getLogger(LocalProcess.class.getName());
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** Where the environment's PATH comes from when the launch does not set one. */
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final Process process;
    private final boolean ownGroup;
    private final CompletableFuture<Integer> exit;

    private LocalProcess(Process process, boolean ownGroup, List<Thread> readers) {
        this.process = process;
        this.ownGroup = ownGroup;
        this.exit = process.onExit().thenApplyAsync(ended -> {
            // the group may still hold the pipes open (a child left running): end it, then drain the readers
            killGroup();
            for (Thread reader : readers) {
                try {
                    reader.join(Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ended.exitValue();
        });
    }

    /** Starts the program; a program that cannot be started (no such file) throws here. */
    public static LocalProcess start(LaunchSpec spec, LogSink sink) throws IOException {
        boolean ownGroup = Files.isExecutable(SETSID);
        List<String> command = new ArrayList<>();
        if (ownGroup) {
            command.add(SETSID.toString());
        }
        command.addAll(spec.command());
        ProcessBuilder builder = new ProcessBuilder(command).directory(spec.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> environment = builder.environment();
        Map<String, String> inherited = Map.copyOf(environment);
        environment.clear();
        environment.put("PATH", inherited.getOrDefault("PATH", DEFAULT_PATH));
        for (String kept : List.of("HOME", "LANG", "TZ", "JAVA_HOME", "TMPDIR")) {
            if (inherited.containsKey(kept)) {
                environment.put(kept, inherited.get(kept));
            }
        }
        environment.putAll(spec.environment());
        requireProgram(spec.command().getFirst(), spec.workingDirectory(), environment.get("PATH"));
        Process process = builder.start();
        List<Thread> readers = List.of(
                reader(process.getInputStream(), "stdout", sink),
                reader(process.getErrorStream(), "stderr", sink));
        return new LocalProcess(process, ownGroup, readers);
    }

    /** Fails as starting would, but before a session is made for it: setsid would start and then fail. */
    private static void requireProgram(String program, Path workingDirectory, String path) throws IOException {
        if (program.contains("/")) {
            if (!Files.isExecutable(workingDirectory.resolve(program))) {
                throw new IOException("No executable program '" + program + "'");
            }
            return;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        throw new IOException("No program '" + program + "' on the PATH (" + path + ")");
    }

    public long pid() {
        return process.pid();
    }

    /** Completes with the exit code once the process has ended and all its output was read. */
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    /** Ends the process and everything it started, at once (SIGKILL to the whole group). */
    public void killTree() {
        List<ProcessHandle> descendants = process.descendants().toList();
        killGroup();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Ends a process group left from an earlier life of this server (its pid as recorded then), if it is still
     * there and still the same process: started at {@code startedAt}, give or take a second.
     */
    public static boolean killLeftover(long pid, Instant startedAt) {
        return ProcessHandle.of(pid)
                .filter(handle -> handle.info().startInstant()
                        .map(start -> Duration.between(start, startedAt).abs().compareTo(Duration.ofSeconds(2)) <= 0)
                        .orElse(false))
                .map(handle -> {
                    signalGroup(pid);
                    handle.descendants().forEach(ProcessHandle::destroyForcibly);
                    return handle.destroyForcibly();
                })
                .orElse(false);
    }

    private void killGroup() {
        if (ownGroup) {
            signalGroup(process.pid());
        }
    }

    private static void signalGroup(long groupId) {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + groupId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warning(() -> "Could not signal process group " + groupId + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread reader(InputStream stream, String name, LogSink sink) {
        return Thread.ofVirtual().name("run-" + name).start(() -> {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, decoder))) {
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = lines.read()) != -1) {
                    if (c == '\n') {
                        sink.line(Instant.now(), name, stripReturn(line));
                        line.setLength(0);
                    } else if (line.length() == MAX_LINE_CHARS) {
                        sink.line(Instant.now(), name, line.toString());
                        line.setLength(0);
                        line.append((char) c);
                    } else {
                        line.append((char) c);
                    }
                }
                if (!line.isEmpty()) {
                    sink.line(Instant.now(), name, stripReturn(line));
                }
            } catch (IOException closed) {
                // the process group was killed: what was read is all there is
            }
        });
    }

    private static String stripReturn(StringBuilder line) {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }
}
