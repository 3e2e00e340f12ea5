package io.slipway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * CPU time (user + system) used so far by this client, the Slipway server and the S3 server, as the operating
 * system reports it ({@link ProcessHandle.Info#totalCpuDuration}), and by the whole machine ({@code /proc/stat},
 * Linux only). A figure that cannot be read is unknown (negative). The machine's share that none of the three
 * used is what else ran meanwhile: on a two-core machine that all of them share, it tells how far a
 * measurement was disturbed.
 */
record CpuTimes(long clientNanos, long serverNanos, long s3Nanos, long machineNanos) {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Linux reports {@code /proc/stat} in USER_HZ ticks, 100 per second on every common architecture. */
    private static final long NANOS_PER_TICK = 10_000_000;

    static CpuTimes take(OptionalLong serverPid, OptionalLong s3Pid) {
        return new CpuTimes(cpu(ProcessHandle.current()), cpu(serverPid), cpu(s3Pid), machineBusy());
    }

    /** CPU used since {@code start}; unknown stays negative. */
    CpuTimes since(CpuTimes start) {
        return new CpuTimes(minus(clientNanos, start.clientNanos), minus(serverNanos, start.serverNanos),
                minus(s3Nanos, start.s3Nanos), minus(machineNanos, start.machineNanos));
    }

    /** CPU the machine spent on anything but the three processes; negative when unknown. */
    long otherNanos() {
        if (clientNanos < 0 || serverNanos < 0 || s3Nanos < 0 || machineNanos < 0) {
            return -1;
        }
        return Math.max(0, machineNanos - clientNanos - serverNanos - s3Nanos);
    }

    private static long minus(long end, long start) {
        return end < 0 || start < 0 ? -1 : end - start;
    }

    private static long cpu(OptionalLong pid) {
        return pid.isEmpty() ? -1 : ProcessHandle.of(pid.getAsLong()).map(CpuTimes::cpu).orElse(-1L);
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Busy time of all cores: user, nice, system, irq, softirq and steal ticks of {@code /proc/stat}'s first line. */
    private static long machineBusy() {
        try (var lines = Files.lines(PROC_STAT)) {
            String[] f = lines.findFirst().orElse("").trim().split("\\s+");
            if (f.length < 9 || !f[0].equals("cpu")) {
                return -1;
            }
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
