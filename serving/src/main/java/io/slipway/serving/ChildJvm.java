package io.slipway.serving;

import ai.onnxruntime.OrtEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How an inspector process is started: the server's own {@code java} binary, a class path of the two jars that
 * hold this module and ONNX Runtime (found where the server loaded them from), ONNX Runtime's native libraries
 * unpacked once into the work directory (so each process need not unpack 28 MB again), flags for a quick start
 * and a small footprint, and {@code /bin/sh}'s {@code ulimit} for the memory limit. The environment is built from
 * nothing: the server's secrets (database password, S3 keys, client secrets) never reach the process that parses
 * untrusted bytes.
 */
final class ChildJvm {

    /** The exit code of the launcher when it cannot set the limits. */
    static final int EXIT_LIMITS_FAILED = 125;
    /** The shell's exit codes when the java binary cannot be run or found. */
    static final Set<Integer> EXIT_LAUNCH_FAILED = Set.of(126, 127);
    /** The JVM's exit code under {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int EXIT_JAVA_OUT_OF_MEMORY = 3;

    private static final String SHELL = "/bin/sh";
    /** Core dumps off, the data segment (heap, malloc, anonymous mappings) limited, then the JVM itself. */
    private static final String LIMITS_SCRIPT =
            "ulimit -c 0 && ulimit -d \"$1\" || exit " + EXIT_LIMITS_FAILED + "; shift; exec \"$@\"";
    private static final long MAX_HEAP_BYTES = 64L << 20;
    private static final System.Logger LOG = System.getLogger(ChildJvm.class.getName());

    private final Path java;
    private final String classpath;
    private final String mainClass;
    private final Optional<Path> nativeLibraries;

    private ChildJvm(Path java, String classpath, String mainClass, Optional<Path> nativeLibraries) {
        this.java = java;
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.nativeLibraries = nativeLibraries;
    }

    /**
     * Finds the java binary and the class path, and unpacks ONNX Runtime's native libraries into
     * {@code workDir/native}.
     *
     * @param program the main class and the classes whose jars (or class directories) form the class path
     */
    static ChildJvm prepare(Path workDir, ChildProgram program) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw InspectorUnavailableException.broken("No java binary at " + java, null);
        }
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : program.classpathOf()) {
            entries.add(location(type).toString());
        }
        ChildJvm jvm = new ChildJvm(java, String.join(File.pathSeparator, entries), program.mainClass().getName(),
                unpackNativeLibraries(workDir.resolve("native")));
        LOG.log(System.Logger.Level.INFO, "ONNX model inspector: " + jvm.java + " -cp " + jvm.classpath
                + jvm.nativeLibraries.map(dir -> " (native libraries in " + dir + ")").orElse(""));
        return jvm;
    }

    /** The command that inspects {@code modelFileName} (relative to the process's working directory). */
    List<String> command(InspectorSettings settings, String modelFileName) {
        long heap = Math.min(MAX_HEAP_BYTES, settings.memoryBytes() / 4);
        List<String> command = new ArrayList<>(List.of(SHELL, "-c", LIMITS_SCRIPT, "slipway-inspector",
                Long.toString(Math.max(1, settings.memoryBytes() / 1024)), java.toString(),
                "-Xmx" + (heap >> 20) + "m", "-Xms8m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=32m", "-XX:-UsePerfData",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=/dev/null",
                "-XX:+DisplayVMOutputToStderr", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true"));
        nativeLibraries.ifPresent(dir -> command.add("-Donnxruntime.native.path=" + dir));
        command.addAll(List.of("-cp", classpath, mainClass, modelFileName));
        return command;
    }

    /**
     * The process's whole environment: ONNX Runtime's telemetry off (it otherwise collects usage data and can
     * crash the JVM), few malloc arenas, the server's locale (for file names); nothing else of the server's.
     */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(OnnxInspector.TELEMETRY_OPT_OUT, "1");
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", Optional.ofNullable(System.getenv("LANG")).orElse("C.UTF-8"));
        Optional.ofNullable(System.getenv("LC_ALL")).ifPresent(value -> env.put("LC_ALL", value));
        return env;
    }

    /** Where a class was loaded from: its jar, or the class directory in a build. */
    static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null) {
            throw InspectorUnavailableException.broken("Cannot tell where " + type.getName() + " was loaded from",
                    null);
        }
        String text = url.toString();
        if (text.startsWith("jar:") && text.contains("!/")) {
            text = text.substring("jar:".length(), text.indexOf("!/"));
        }
        try {
            Path path = Path.of(new URI(text));
            if (!Files.exists(path)) {
                throw InspectorUnavailableException.broken(type.getName() + " was loaded from " + url
                        + ", which is not on this file system", null);
            }
            return path;
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw InspectorUnavailableException.broken(type.getName() + " was loaded from " + url
                    + ", which is not a local file", e);
        }
    }

    /**
     * ONNX Runtime's two native libraries for this platform, copied from its jar into {@code dir}; empty when
     * the jar has none for this platform (each process then unpacks them itself, more slowly).
     */
    private static Optional<Path> unpackNativeLibraries(Path dir) {
        Optional<String> platform = platform();
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(dir);
            for (String library : List.of("onnxruntime", "onnxruntime4j_jni")) {
                String file = System.mapLibraryName(library);
                try (InputStream in = OrtEnvironment.class.getResourceAsStream(
                        "/ai/onnxruntime/native/" + platform.get() + "/" + file)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    Path part = Files.createTempFile(dir, file, ".part");
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return Optional.of(dir.toAbsolutePath());
        } catch (IOException e) {
            throw InspectorUnavailableException.broken("Cannot unpack ONNX Runtime's native libraries into " + dir, e);
        }
    }

    /** ONNX Runtime's name for this operating system and architecture: linux-x64, osx-aarch64, ... */
    private static Optional<String> platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : null;
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return osPart == null || archPart == null ? Optional.empty() : Optional.of(osPart + "-" + archPart);
    }
}
