package io.slipway.serving;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits of {@link IsolatedOnnxInspector}.
 *
 * @param workDir      a directory of the inspector's own (ONNX Runtime's native libraries are unpacked there)
 * @param memoryBytes  what one inspector process may allocate, Java heap and native memory together (its data
 *                     segment limit); a model file larger than this is refused unread
 * @param timeout      how long one inspection may take, the process's start included
 * @param concurrency  how many inspector processes may run at once
 * @param queueTimeout how long an inspection waits for a free process before it is refused as busy
 */
public record InspectorSettings(Path workDir, long memoryBytes, Duration timeout, int concurrency,
                                Duration queueTimeout) {

    public static final long DEFAULT_MEMORY_BYTES = 512L << 20;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(30);
    /** Below this a JVM with ONNX Runtime does not even start. */
    public static final long MIN_MEMORY_BYTES = 128L << 20;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s{0,4}([kmgt]?)(i?)b?");

    public InspectorSettings {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(queueTimeout, "queueTimeout");
        if (memoryBytes < MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException("The inspector's memory must be at least " + describe(MIN_MEMORY_BYTES)
                    + ", not " + describe(memoryBytes) + ".");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The inspector's timeout must be positive, not " + timeout + ".");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("The inspector's concurrency must be at least 1, not " + concurrency
                    + ".");
        }
        if (queueTimeout.isNegative()) {
            throw new IllegalArgumentException("The inspector's queue timeout must not be negative.");
        }
    }

    /** The defaults, working in {@code workDir}. */
    public static InspectorSettings defaults(Path workDir) {
        return new InspectorSettings(workDir, DEFAULT_MEMORY_BYTES, DEFAULT_TIMEOUT, DEFAULT_CONCURRENCY,
                DEFAULT_QUEUE_TIMEOUT);
    }

    public InspectorSettings withMemoryBytes(long bytes) {
        return new InspectorSettings(workDir, bytes, timeout, concurrency, queueTimeout);
    }

    public InspectorSettings withTimeout(Duration limit) {
        return new InspectorSettings(workDir, memoryBytes, limit, concurrency, queueTimeout);
    }

    public InspectorSettings withConcurrency(int processes, Duration wait) {
        return new InspectorSettings(workDir, memoryBytes, timeout, processes, wait);
    }

    /**
     * A size as people and Kubernetes write it: {@code 536870912}, {@code 512Mi}, {@code 512MiB}, {@code 1Gi},
     * {@code 1G} (binary units throughout: 1G is 1024 MiB, as the JVM's {@code -Xmx1g} means).
     */
    public static long parseSize(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a size: '" + text + "' (write bytes, or 512Mi, 1Gi, ...).");
        }
        int shift = switch (matcher.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long value = Long.parseLong(matcher.group(1));
        if (value > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("Size too large: '" + text + "'.");
        }
        return value << shift;
    }

    /** A size for people: 512 MiB, 1.5 GiB, 300 bytes. */
    public static String describe(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes"
                : (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value))
                        + " " + units[unit];
    }
}
