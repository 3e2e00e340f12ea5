package io.slipway.serving;

import io.slipway.serving.UnloadableModelException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inspects untrusted models in short-lived child processes ({@link InspectorMain}, the same ONNX Runtime jar in
 * a fresh JVM), so that a model cannot take the server down: each process may allocate at most
 * {@link InspectorSettings#memoryBytes()} (Java heap and native memory together) and live at most
 * {@link InspectorSettings#timeout()}, and at most {@link InspectorSettings#concurrency()} run at once (more wait
 * up to {@link InspectorSettings#queueTimeout()}, then are refused as busy). The server reads the signature the
 * process prints. A process that runs out of memory, out of time or crashes is an {@link UnloadableModelException}
 * naming what happened, never a failure of the server. Thread-safe.
 */
public final class IsolatedOnnxInspector implements ModelInspector {

    private static final System.Logger LOG = System.getLogger(IsolatedOnnxInspector.class.getName());
    /** A signature is a few KiB; one of a model with thousands of inputs a few hundred. */
    private static final int MAX_REPLY_BYTES = 1 << 20;
    private static final int MAX_LOG_BYTES = 8 << 10;
    private static final Duration STREAM_END_WAIT = Duration.ofSeconds(5);
    /** The JVM's own report of native memory it could not get, and of a fatal signal in native code. */
    private static final String JVM_NATIVE_OUT_OF_MEMORY = "insufficient memory for the Java Runtime Environment";
    private static final Pattern JVM_FATAL_SIGNAL = Pattern.compile("#\\s{1,8}(SIG[A-Z]{2,8}) \\(0x");
    private static final Map<Integer, String> SIGNALS = Map.of(4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private final InspectorSettings settings;
    private final ChildProgram program;
    private final Semaphore processes;
    private ChildJvm jvm;

    public IsolatedOnnxInspector(InspectorSettings settings) {
        this(settings, ChildProgram.INSPECTOR);
    }

    IsolatedOnnxInspector(InspectorSettings settings, ChildProgram program) {
        this.settings = settings;
        this.program = program;
        this.processes = new Semaphore(settings.concurrency(), true);
    }

    public InspectorSettings settings() {
        return settings;
    }

    @Override
    public long maxModelBytes() {
        return settings.memoryBytes();
    }

    @Override
    public ModelSignature inspect(Path onnxFile, String displayName) throws UnloadableModelException {
        long size = OnnxInspector.requireNonEmptyFile(onnxFile, displayName);
        if (size > maxModelBytes()) {
            throw UnloadableModelException.tooLargeToInspect(displayName, size, maxModelBytes());
        }
        acquireProcess();
        try {
            return run(onnxFile.toAbsolutePath(), displayName);
        } finally {
            processes.release();
        }
    }

    private void acquireProcess() {
        try {
            if (!processes.tryAcquire(settings.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw InspectorUnavailableException.busy("The server is already inspecting as many models as it may at"
                        + " once (" + settings.concurrency() + "); try the upload again in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InspectorUnavailableException.broken("Interrupted while waiting for an inspector process", e);
        }
    }

    private synchronized ChildJvm jvm() {
        if (jvm == null) {
            jvm = ChildJvm.prepare(settings.workDir(), program);
        }
        return jvm;
    }

    private ModelSignature run(Path model, String displayName) throws UnloadableModelException {
        ProcessBuilder builder = new ProcessBuilder(jvm().command(settings, model.getFileName().toString()))
                .directory(model.getParent().toFile());
        builder.environment().clear();
        builder.environment().putAll(ChildJvm.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw InspectorUnavailableException.broken("Cannot start an inspector process", e);
        }
        try {
            BoundedCapture out = BoundedCapture.start(process.getInputStream(), MAX_REPLY_BYTES, MAX_LOG_BYTES,
                    "inspector-stdout");
            BoundedCapture err = BoundedCapture.start(process.getErrorStream(), MAX_LOG_BYTES, MAX_LOG_BYTES,
                    "inspector-stderr");
            tell(process, displayName);
            if (!process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new UnloadableModelException(Reason.TIMED_OUT, "Loading " + displayName + " took longer than"
                        + " the inspector's limit of " + seconds(settings.timeout()) + ", so it was stopped and the"
                        + " model cannot be served here.");
            }
            out.awaitEnd(STREAM_END_WAIT);
            err.awaitEnd(STREAM_END_WAIT);
            return outcome(process.exitValue(), out, err, displayName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InspectorUnavailableException.broken("Interrupted while inspecting " + displayName, e);
        } finally {
            kill(process);
        }
    }

    /** The model's name for messages, on the process's standard input. */
    private static void tell(Process process, String displayName) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(displayName.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the process is already gone; its exit says why
        }
    }

    private ModelSignature outcome(int exit, BoundedCapture out, BoundedCapture err, String displayName)
            throws UnloadableModelException {
        Optional<InspectionReply> reply = out.overflowed() ? Optional.empty() : InspectionReply.find(out.head());
        if (exit == InspectorMain.EXIT_SIGNATURE && reply.orElse(null) instanceof InspectionReply.Loaded loaded) {
            return loaded.signature();
        }
        if (exit == InspectorMain.EXIT_UNLOADABLE && reply.orElse(null) instanceof InspectionReply.Refused refused) {
            if (refused.reason() == Reason.OUT_OF_MEMORY) {
                throw outOfMemory(displayName);
            }
            throw new UnloadableModelException(refused.reason(), refused.message());
        }
        // the JVM prints its fatal-error and out-of-memory reports on standard output, other complaints on error
        String log = out.tail() + err.tail();
        String quoted = quoted(log);
        if (exit == ChildJvm.EXIT_JAVA_OUT_OF_MEMORY || log.contains(JVM_NATIVE_OUT_OF_MEMORY)) {
            LOG.log(System.Logger.Level.INFO, () -> "Inspector ran out of memory on " + escaped(displayName)
                    + ":\n" + quoted);
            throw outOfMemory(displayName);
        }
        if (exit == ChildJvm.EXIT_LIMITS_FAILED || ChildJvm.EXIT_LAUNCH_FAILED.contains(exit)) {
            throw InspectorUnavailableException.broken("The inspector process could not start (exit code " + exit
                    + "):\n" + quoted, null);
        }
        LOG.log(System.Logger.Level.WARNING, () -> "Inspector crashed on " + escaped(displayName) + " (exit code "
                + exit + "):\n" + quoted);
        throw new UnloadableModelException(Reason.CRASHED, "The inspector crashed while loading " + displayName
                + " (" + crash(exit, log) + "), so the model cannot be served here.");
    }

    private UnloadableModelException outOfMemory(String displayName) {
        return new UnloadableModelException(Reason.OUT_OF_MEMORY, "Loading " + displayName + " needs more memory than"
                + " the inspector's " + InspectorSettings.describe(settings.memoryBytes()) + ", so it was stopped and"
                + " the model cannot be served here.");
    }

    /** What the exit says: the fatal signal the JVM reported, the signal that killed it, or its exit code. */
    private static String crash(int exit, String log) {
        Matcher fault = JVM_FATAL_SIGNAL.matcher(log);
        if (fault.find()) {
            return fault.group(1) + " in native code";
        }
        if (exit > 128 && exit < 128 + 65) {
            int signal = exit - 128;
            return "killed by " + SIGNALS.getOrDefault(signal, "signal " + signal);
        }
        if (exit == InspectorMain.EXIT_SIGNATURE || exit == InspectorMain.EXIT_UNLOADABLE) {
            return "it gave no readable answer";
        }
        return "exit code " + exit;
    }

    /**
     * The process's output for the server's log, each line marked as the inspector's and escaped: it comes from a
     * process that parsed untrusted bytes, so it must not pass for the server's own lines.
     */
    static String quoted(String output) {
        StringBuilder quoted = new StringBuilder();
        for (String line : output.split("\n")) {
            quoted.append("  | ").append(escaped(line)).append('\n');
        }
        return quoted.toString();
    }

    /** The text with every control character (line breaks included) written as a {@code \\uXXXX} escape. */
    static String escaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (Character.isISOControl(c) && c != '\t' || c == 0x2028 || c == 0x2029) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    private static void kill(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STREAM_END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
