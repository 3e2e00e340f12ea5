package io.slipway.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The benchmark's output: a line per transfer as it ends, then best and median per phase, ratios and heap. */
final class Report {

    static final String DIRECT_UP = "direct upload";
    static final String DIRECT_DOWN = "direct download";
    static final String SLIPWAY_UP = "slipway upload";
    static final String SLIPWAY_DOWN = "slipway download";
    static final String SLIPWAY_DEDUP = "slipway upload, dedup";
    static final String SLIPWAY_DECLARED = "slipway upload, sha256";
    static final String SLIPWAY_PRESIGNED = "slipway presigned down";

    static final double RATIO_TARGET = 0.8;
    static final double HEAP_TARGET_MIB = 64;

    private static final String ROW = "%-22s %5s %11s %8s %8s %8s %10s %25s  %s%n";

    /** A transfer of a measured round. */
    record Row(String phase, int round, Transfer transfer, CpuTimes cpu, Optional<ServerHeap.Figures> heap) {
    }

    private Report() {
    }

    static void header(BenchOptions o, long runSeed) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf("ArtifactThroughput %s%n", ArtifactThroughput.now());
        System.out.printf("client: %d cores visible, Java %s, load average %.2f%n", rt.availableProcessors(),
                Runtime.version(), ArtifactThroughput.loadAverage());
        System.out.printf("slipway %s (as %s in %s/%s), keycloak %s, s3 %s%n", o.slipway(), o.user(), o.org(),
                o.project(), o.keycloak(), o.s3());
        System.out.printf("artifact %s x %d rounds per path; generated (SplittableRandom), seed of this run %d: "
                + "every artifact differs, so Slipway's dedup cannot shortcut an upload"
                + " (except the one labelled dedup)%n",
                size(o.size()), o.rounds(), runSeed);
        System.out.println("MB = 10^6 bytes, MiB = 2^20 bytes; after-body = upload response time after the last"
                + " byte was written; CPU s = CPU seconds each process used during the transfer, other = the rest of"
                + " the machine (what else ran)");
    }

    static void tableHeader() {
        System.out.println();
        System.out.printf(ROW, "phase", "round", "bytes", "seconds", "MB/s", "MiB/s", "after-body",
                "CPU s client/srv/s3/other", "sha256");
    }

    static void print(Row row) {
        Transfer t = row.transfer();
        System.out.printf(ROW, row.phase(), row.round(), t.bytes(), f(t.seconds(), 2), f(t.megabytesPerSecond(), 1),
                f(t.mebibytesPerSecond(), 1), t.tailNanos() < 0 ? "-" : f(t.tailNanos() / 1e9, 2),
                cpu(row.cpu().clientNanos()) + "/" + cpu(row.cpu().serverNanos()) + "/" + cpu(row.cpu().s3Nanos())
                        + "/" + cpu(row.cpu().otherNanos()),
                t.sha256().substring(0, 16) + "… ok");
    }

    static void summary(List<Row> rows, BenchOptions options) {
        System.out.println();
        System.out.printf("%-22s %10s %12s %10s%n", "phase", "best MB/s", "median MB/s", "median s");
        for (String phase : List.of(DIRECT_UP, SLIPWAY_UP, SLIPWAY_DECLARED, SLIPWAY_DEDUP, DIRECT_DOWN,
                SLIPWAY_DOWN, SLIPWAY_PRESIGNED)) {
            List<Transfer> of = transfers(rows, phase);
            if (!of.isEmpty()) {
                System.out.printf("%-22s %10s %12s %10s%n", phase, f(best(of), 1), f(median(of), 1),
                        f(medianOf(of.stream().map(Transfer::seconds).toList()), 2));
            }
        }
        System.out.println();
        ratio("upload", transfers(rows, SLIPWAY_UP), transfers(rows, DIRECT_UP));
        ratio("upload, sha256", transfers(rows, SLIPWAY_DECLARED), transfers(rows, DIRECT_UP));
        ratio("download", transfers(rows, SLIPWAY_DOWN), transfers(rows, DIRECT_DOWN));
        ratio("presigned download", transfers(rows, SLIPWAY_PRESIGNED), transfers(rows, DIRECT_DOWN));
        heap(rows, SLIPWAY_UP);
        heap(rows, SLIPWAY_DECLARED);
        heap(rows, SLIPWAY_DEDUP);
        heap(rows, SLIPWAY_DOWN);
        System.out.printf("%ntarget: upload and download >= %.2f of direct; heap growth < %.0f MiB for %s%n",
                RATIO_TARGET, HEAP_TARGET_MIB, size(options.size()));
        heapVerdict(rows.stream().filter(r -> r.phase().equals(SLIPWAY_UP) || r.phase().equals(SLIPWAY_DECLARED))
                .flatMap(r -> r.heap().stream()).toList());
    }

    private static void heapVerdict(List<ServerHeap.Figures> uploads) {
        if (uploads.isEmpty()) {
            return;
        }
        double growth = uploads.stream().mapToDouble(h -> h.mib(h.growth())).max().orElseThrow();
        double live = uploads.stream().mapToDouble(h -> h.mib(h.liveGrowth())).max().orElseThrow();
        double retained = uploads.stream().mapToDouble(h -> h.mib(h.retainedAfter() - h.baseline())).max()
                .orElseThrow();
        System.out.printf("heap during slipway uploads (worst round): peak used - baseline %.1f MiB (%s); live after"
                + " a GC - baseline %s; retained after the upload %.1f MiB%n", growth,
                growth < HEAP_TARGET_MIB ? "meets" : "misses", live < 0 ? "- (no GC ran)"
                        : String.format("%.1f MiB (%s)", live, live < HEAP_TARGET_MIB ? "meets" : "misses"), retained);
    }

    static void footer() {
        System.out.printf("%nfinished %s, client load average %.2f%n", ArtifactThroughput.now(),
                ArtifactThroughput.loadAverage());
    }

    private static void ratio(String what, List<Transfer> slipway, List<Transfer> direct) {
        if (slipway.isEmpty() || direct.isEmpty()) {
            return;
        }
        double medianRatio = median(slipway) / median(direct);
        double bestRatio = best(slipway) / best(direct);
        System.out.printf("ratio slipway/direct, %-19s median %.3f, best %.3f  (%s)%n", what + ":", medianRatio,
                bestRatio, medianRatio >= RATIO_TARGET ? "meets >= " + RATIO_TARGET : "below " + RATIO_TARGET);
    }

    private static void heap(List<Row> rows, String phase) {
        List<Row> watched = rows.stream().filter(r -> r.phase().equals(phase) && r.heap().isPresent()).toList();
        if (watched.isEmpty()) {
            return;
        }
        System.out.printf("%nserver heap during %s, MiB (baseline after a forced GC; used includes garbage not yet"
                + " collected; live = after a GC)%n", phase);
        System.out.printf("%5s %9s %10s %9s %15s %12s %16s %5s %7s%n", "round", "baseline", "peak used",
                "growth", "peak live (GC)", "live growth", "retained growth", "GCs", "samples");
        for (Row row : watched) {
            ServerHeap.Figures h = row.heap().orElseThrow();
            System.out.printf("%5d %9s %10s %9s %15s %12s %16s %5d %7d%n", row.round(), f(h.mib(h.baseline()), 1),
                    f(h.mib(h.peakUsed()), 1), f(h.mib(h.growth()), 1),
                    h.peakLiveAfterGc() < 0 ? "-" : f(h.mib(h.peakLiveAfterGc()), 1),
                    h.liveGrowth() < 0 ? "-" : f(h.mib(h.liveGrowth()), 1),
                    f(h.mib(h.retainedAfter() - h.baseline()), 1), h.collections(), h.samples());
        }
    }

    private static List<Transfer> transfers(List<Row> rows, String phase) {
        return rows.stream().filter(r -> r.phase().equals(phase)).map(Row::transfer).toList();
    }

    private static double best(List<Transfer> transfers) {
        return transfers.stream().mapToDouble(Transfer::megabytesPerSecond).max().orElse(Double.NaN);
    }

    private static double median(List<Transfer> transfers) {
        return medianOf(transfers.stream().map(Transfer::megabytesPerSecond).toList());
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String size(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes + " bytes";
    }

    private static String cpu(long nanos) {
        return nanos < 0 ? "?" : f(nanos / 1e9, 1);
    }

    private static String f(double value, int decimals) {
        return String.format("%." + decimals + "f", value);
    }
}
