package io.slipway.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to measure and where. Defaults follow {@code ./slipway start}: the ports and the data directory come
 * from the same environment variables ({@code SLIPWAY_HTTP_PORT}, {@code SLIPWAY_KEYCLOAK_PORT},
 * {@code SLIPWAY_S3_PORT}, {@code SLIPWAY_DATA_DIR}), so running it with the environment the platform was
 * started with needs no options.
 *
 * @param pid   the Slipway server's pid; empty when neither given nor recorded (then no heap and CPU figures)
 * @param s3Pid the S3 server's pid, for its CPU time; empty when neither given nor recorded
 */
record BenchOptions(URI slipway, URI keycloak, URI s3, long size, long warmup, int rounds, boolean dedup,
                    boolean heap, OptionalLong pid, OptionalLong s3Pid, String org, String project, String user,
                    String password, String model) {

    static final String USAGE = """
            usage: bench/run [options]
              --slipway URL     Slipway's base URL            (http://localhost:$SLIPWAY_HTTP_PORT, port 8080)
              --keycloak URL    Keycloak's base URL           (http://127.0.0.1:$SLIPWAY_KEYCLOAK_PORT, port 8180)
              --s3 URL          the S3 endpoint Slipway uses  (http://127.0.0.1:$SLIPWAY_S3_PORT, port 9000)
              --size SIZE       artifact size, e.g. 1GiB, 256MiB, 1000000000   (1GiB)
              --rounds N        measured rounds of each path                   (3)
              --warmup SIZE     unreported warm-up transfer per path, 0 = none (64MiB)
              --no-dedup        skip the extra Slipway upload of already stored bytes
              --no-heap         do not attach to the server to watch its heap (to see what watching costs)
              --pid PID         the Slipway server's pid  ($SLIPWAY_DATA_DIR/liberty/.pid/slipway.pid,
                                data dir ./.slipway)
              --s3-pid PID      the S3 server's pid, for its CPU time   ($SLIPWAY_DATA_DIR/s3/s3.pid)
              --org, --project, --user, --password, --model
                                where to upload and as whom   (acme, fraud-detection, bob, bob, bench-artifact)
            """;

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|kb|kib|mb|mib|gb|gib)",
            Pattern.CASE_INSENSITIVE);

    static BenchOptions parse(String[] args, Map<String, String> env) {
        String slipway = "http://localhost:" + env.getOrDefault("SLIPWAY_HTTP_PORT", "8080");
        String keycloak = "http://127.0.0.1:" + env.getOrDefault("SLIPWAY_KEYCLOAK_PORT", "8180");
        String s3 = "http://127.0.0.1:" + env.getOrDefault("SLIPWAY_S3_PORT", "9000");
        long size = 1L << 30;
        long warmup = 64L << 20;
        int rounds = 3;
        boolean dedup = true;
        boolean heap = true;
        String pid = null;
        String s3Pid = null;
        String org = "acme";
        String project = "fraud-detection";
        String user = "bob";
        String password = "bob";
        String model = "bench-artifact";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-dedup")) {
                dedup = false;
                continue;
            }
            if (option.equals("--no-heap")) {
                heap = false;
                continue;
            }
            if (option.equals("-h") || option.equals("--help")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--slipway" -> slipway = value;
                case "--keycloak" -> keycloak = value;
                case "--s3" -> s3 = value;
                case "--size" -> size = parseSize(value);
                case "--warmup" -> warmup = parseSize(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--pid" -> pid = value;
                case "--s3-pid" -> s3Pid = value;
                case "--org" -> org = value;
                case "--project" -> project = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--model" -> model = value;
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (size < 1 || rounds < 1) {
            throw new IllegalArgumentException("--size and --rounds must be positive");
        }
        Path dataDir = Path.of(env.getOrDefault("SLIPWAY_DATA_DIR", ".slipway"));
        OptionalLong serverPid = pid != null ? OptionalLong.of(Long.parseLong(pid))
                : recordedPid(dataDir.resolve("liberty/.pid/slipway.pid"), "--pid", "heap and CPU figures");
        OptionalLong storePid = s3Pid != null ? OptionalLong.of(Long.parseLong(s3Pid))
                : recordedPid(dataDir.resolve("s3/s3.pid"), "--s3-pid", "the S3 server's CPU time");
        return new BenchOptions(URI.create(strip(slipway)), URI.create(strip(keycloak)), URI.create(strip(s3)),
                size, warmup, rounds, dedup, heap, serverPid, storePid, org, project, user, password, model);
    }

    /** {@code 1GiB}, {@code 256MiB}, {@code 1GB} (10^9), {@code 12345} (bytes). */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a size: '" + text + "' (e.g. 1GiB, 256MiB, 1000000000)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> n;
            case "kb" -> n * 1_000L;
            case "kib" -> n << 10;
            case "mb" -> n * 1_000_000L;
            case "mib" -> n << 20;
            case "gb" -> n * 1_000_000_000L;
            case "gib" -> n << 30;
            default -> throw new IllegalStateException(m.group(2));
        };
    }

    private static OptionalLong recordedPid(Path pidFile, String option, String forWhat) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            System.out.println("No pid recorded in " + pidFile.toAbsolutePath() + " (" + e + "); give " + option
                    + " for " + forWhat + ".");
            return OptionalLong.empty();
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
