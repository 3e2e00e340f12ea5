package io.slipway.bench;

import io.slipway.devstack.EmbeddedS3;
import io.slipway.devstack.TokenClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Upload and download of a generated artifact (1 GiB by default) through a running Slipway versus the MinIO
 * SDK straight to the same S3 server, in one process, several rounds each (the two paths alternate which goes
 * first); prints each transfer's MB/s, the best and median of each phase, the ratios Slipway/direct and the
 * server's heap growth while it streams. Every transfer is checked by SHA-256 on the client, both ways. Each
 * Slipway round also uploads one more artifact declaring its SHA-256 ({@code ?sha256=}, computed beforehand
 * and not timed, as a CI job hashes its file), which the server writes straight to its content address.
 *
 * <p>Every artifact has its own random seed, so no upload of this run finds its bytes already stored; one
 * extra Slipway upload repeats the last round's bytes on purpose, to time the deduplicated path (no
 * server-side copy). Run it with {@code bench/run}; see {@code bench/README.md}.
 */
public final class ArtifactThroughput {

    private final BenchOptions options;
    private final SplittableRandom seeds;
    private final long runSeed;
    private final List<Report.Row> rows = new ArrayList<>();

    ArtifactThroughput(BenchOptions options, long runSeed) {
        this.options = options;
        this.runSeed = runSeed;
        this.seeds = new SplittableRandom(runSeed);
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        try {
            new ArtifactThroughput(options, System.nanoTime() ^ System.currentTimeMillis() << 20).run();
        } catch (IOException | RuntimeException e) {
            System.err.println();
            System.err.println("bench: " + e);
            System.exit(1);
        }
    }

    void run() throws IOException {
        Report.header(options, runSeed);
        TokenClient tokens = new TokenClient(options.keycloak() + "/realms/slipway");
        Optional<ServerHeap> heap = options.heap() && options.pid().isPresent()
                ? ServerHeap.attach(options.pid().getAsLong()) : Optional.empty();
        try (DirectS3 direct = new DirectS3(options.s3(), EmbeddedS3.DEV_ACCESS_KEY, EmbeddedS3.DEV_SECRET_KEY);
             SlipwayClient slipway = new SlipwayClient(options.slipway(), options.org(), options.project(), tokens,
                     options.user(), options.password())) {
            direct.ensureBucket();
            heap.ifPresent(h -> System.out.println(h.describe()));
            if (options.warmup() > 0) {
                long start = System.nanoTime();
                directRound(direct, 0, options.warmup());
                slipwayRound(slipway, Optional.empty(), 0, options.warmup());
                System.out.printf("warm-up: %s through each path, %.1f s (not reported)%n",
                        Report.size(options.warmup()), (System.nanoTime() - start) / 1e9);
            }
            Report.tableHeader();
            long lastSlipwaySeed = 0;
            for (int round = 1; round <= options.rounds(); round++) {
                if (round % 2 == 1) {
                    directRound(direct, round, options.size());
                    lastSlipwaySeed = slipwayRound(slipway, heap, round, options.size());
                } else {
                    lastSlipwaySeed = slipwayRound(slipway, heap, round, options.size());
                    directRound(direct, round, options.size());
                }
            }
            if (options.dedup()) {
                dedupUpload(slipway, heap, lastSlipwaySeed);
            }
            Report.summary(rows, options);
        } finally {
            heap.ifPresent(h -> {
                try {
                    h.close();
                } catch (IOException ignored) {
                    // the JMX connection is ours alone; nothing to clean up on the server
                }
            });
        }
        Report.footer();
    }

    private void directRound(DirectS3 direct, int round, long size) throws IOException {
        GeneratedArtifact artifact = new GeneratedArtifact(seeds.nextLong(), size);
        String key = "bench/" + UUID.randomUUID();
        CpuTimes start = cpu();
        Transfer up = direct.upload(key, artifact);
        CpuTimes uploaded = cpu();
        Transfer down = direct.download(key);
        CpuTimes downloaded = cpu();
        direct.delete(key);
        requireSame("direct", artifact, up, down);
        record(new Report.Row(Report.DIRECT_UP, round, up, uploaded.since(start), Optional.empty()));
        record(new Report.Row(Report.DIRECT_DOWN, round, down, downloaded.since(uploaded), Optional.empty()));
    }

    /** @return the artifact's seed */
    private long slipwayRound(SlipwayClient slipway, Optional<ServerHeap> heap, int round, long size)
            throws IOException {
        GeneratedArtifact artifact = new GeneratedArtifact(seeds.nextLong(), size);
        Optional<ServerHeap.Watch> upWatch = heap.map(ServerHeap::watch);
        CpuTimes start = cpu();
        SlipwayClient.Uploaded uploaded = slipway.upload(options.model(), artifact, Optional.empty());
        CpuTimes upCpu = cpu().since(start);
        Optional<ServerHeap.Figures> upHeap = upWatch.map(ServerHeap.Watch::stop);
        Optional<ServerHeap.Watch> downWatch = heap.map(ServerHeap::watch);
        start = cpu();
        Transfer down = slipway.download(options.model(), uploaded.version());
        CpuTimes downCpu = cpu().since(start);
        Optional<ServerHeap.Figures> downHeap = downWatch.map(ServerHeap.Watch::stop);
        start = cpu();
        Transfer presigned = slipway.downloadPresigned(options.model(), uploaded.version());
        CpuTimes presignedCpu = cpu().since(start);
        requireSame("slipway", artifact, uploaded.transfer(), down);
        requireSame("slipway presigned", artifact, uploaded.transfer(), presigned);
        requireServerDigest(uploaded);
        if (uploaded.reused()) {
            System.out.println("  note: the server already stored these bytes (seed collision?): "
                    + "this round measured the dedup path");
        }
        record(new Report.Row(Report.SLIPWAY_UP, round, uploaded.transfer(), upCpu, upHeap));
        record(new Report.Row(Report.SLIPWAY_DOWN, round, down, downCpu, downHeap));
        record(new Report.Row(Report.SLIPWAY_PRESIGNED, round, presigned, presignedCpu, Optional.empty()));
        declaredUpload(slipway, heap, round, size);
        return artifact.seed();
    }

    /** Uploads a new artifact declaring its digest: no temporary object, no server-side copy. */
    private void declaredUpload(SlipwayClient slipway, Optional<ServerHeap> heap, int round, long size)
            throws IOException {
        long seed = seeds.nextLong();
        String sha256 = GeneratedArtifact.sha256Of(seed, size);
        Optional<ServerHeap.Watch> watch = heap.map(ServerHeap::watch);
        CpuTimes start = cpu();
        SlipwayClient.Uploaded uploaded = slipway.upload(options.model(), new GeneratedArtifact(seed, size),
                Optional.of(sha256));
        CpuTimes used = cpu().since(start);
        Optional<ServerHeap.Figures> figures = watch.map(ServerHeap.Watch::stop);
        requireServerDigest(uploaded);
        record(new Report.Row(Report.SLIPWAY_DECLARED, round, uploaded.transfer(), used, figures));
    }

    /** Uploads the bytes of an earlier round again: the server stages and hashes them, then finds them stored. */
    private void dedupUpload(SlipwayClient slipway, Optional<ServerHeap> heap, long seed) throws IOException {
        GeneratedArtifact artifact = new GeneratedArtifact(seed, options.size());
        Optional<ServerHeap.Watch> watch = heap.map(ServerHeap::watch);
        CpuTimes start = cpu();
        SlipwayClient.Uploaded uploaded = slipway.upload(options.model(), artifact, Optional.empty());
        CpuTimes used = cpu().since(start);
        Optional<ServerHeap.Figures> figures = watch.map(ServerHeap.Watch::stop);
        requireServerDigest(uploaded);
        if (!uploaded.reused()) {
            throw new IllegalStateException("The repeated upload was not deduplicated: the server copied it again");
        }
        record(new Report.Row(Report.SLIPWAY_DEDUP, options.rounds() + 1, uploaded.transfer(), used, figures));
    }

    private CpuTimes cpu() {
        return CpuTimes.take(options.pid(), options.s3Pid());
    }

    private void record(Report.Row row) {
        if (row.round() > 0) {
            rows.add(row);
            Report.print(row);
        }
    }

    private static void requireSame(String path, GeneratedArtifact artifact, Transfer up, Transfer down) {
        if (up.bytes() != artifact.size() || down.bytes() != artifact.size() || !up.sha256().equals(down.sha256())) {
            throw new IllegalStateException(path + ": the download differs from the upload: sent " + up.bytes()
                    + " bytes (sha256 " + up.sha256() + "), received " + down.bytes() + " (sha256 " + down.sha256()
                    + ")");
        }
    }

    private static void requireServerDigest(SlipwayClient.Uploaded uploaded) {
        if (!uploaded.serverSha256().equals(uploaded.transfer().sha256())) {
            throw new IllegalStateException("Slipway computed sha256 " + uploaded.serverSha256()
                    + " for bytes the client hashed as " + uploaded.transfer().sha256());
        }
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
