package io.slipway.bench;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The Slipway server's heap, watched from outside through JMX: the JDK Attach API starts the server JVM's local
 * management agent (same user, same machine), and a sampler reads heap usage every {@value #SAMPLE_MILLIS} ms
 * while a transfer runs.
 *
 * <p>"Used" heap includes garbage not yet collected, so its peak says how far the heap fills between two
 * collections (the collector's sizing decision as much as the server's). What the server actually holds is
 * the live heap: what remains after each collection during the transfer, and after a forced one at its end.
 */
final class ServerHeap implements AutoCloseable {

    static final long SAMPLE_MILLIS = 50;
    private static final double MIB = 1024.0 * 1024.0;

    private final long pid;
    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final RuntimeMXBean runtime;
    private final List<GarbageCollectorMXBean> collectors;
    private final Set<String> heapPools;

    private ServerHeap(long pid, JMXConnector connector) throws IOException {
        this.pid = pid;
        this.connector = connector;
        MBeanServerConnection server = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        this.runtime = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.RUNTIME_MXBEAN_NAME,
                RuntimeMXBean.class);
        this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
        this.heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Attaches to the JVM {@code pid}; empty (and the reason printed) when that is not possible. */
    static Optional<ServerHeap> attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return Optional.of(new ServerHeap(pid, JMXConnectorFactory.connect(new JMXServiceURL(address))));
        } catch (Exception | LinkageError e) {
            System.out.println("Cannot watch the server's heap (attach to pid " + pid + " failed: " + e
                    + "); measuring throughput only.");
            return Optional.empty();
        }
    }

    /** The server's maximum heap, its -Xmx option and its collectors, for the report. */
    String describe() {
        String xmx = runtime.getInputArguments().stream().filter(arg -> arg.startsWith("-Xmx"))
                .collect(Collectors.joining(" "));
        String gcs = collectors.stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format("server pid %d: max heap %.0f MiB (%s), %s, collectors: %s", pid,
                memory.getHeapMemoryUsage().getMax() / MIB, xmx.isEmpty() ? "no -Xmx: JVM default" : xmx,
                runtime.getVmName() + " " + runtime.getSpecVersion(), gcs);
    }

    /** Forces a full collection, notes the baseline and starts sampling; call {@link Watch#stop} at the end. */
    Watch watch() {
        memory.gc();
        return new Watch();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }

    /** Heap figures of one transfer, in bytes. */
    record Figures(long baseline, long peakUsed, long peakLiveAfterGc, long retainedAfter, long collections,
                   int samples, long max) {

        double mib(long bytes) {
            return bytes / MIB;
        }

        long growth() {
            return peakUsed - baseline;
        }

        /** Highest live heap after a collection during the transfer, minus the baseline; -1 without collections. */
        long liveGrowth() {
            return peakLiveAfterGc < 0 ? -1 : peakLiveAfterGc - baseline;
        }
    }

    /** One sampling run. */
    final class Watch {

        private final long baseline;
        private final long collectionsBefore;
        private final Map<String, Long> lastGcIds;
        private final Thread sampler;
        private volatile boolean running = true;
        private long peakUsed;
        private long peakLiveAfterGc = -1;
        private int samples;

        private Watch() {
            this.baseline = memory.getHeapMemoryUsage().getUsed();
            this.peakUsed = baseline;
            this.collectionsBefore = collectionCount();
            this.lastGcIds = collectors.stream().collect(Collectors.toMap(GarbageCollectorMXBean::getName,
                    gc -> Optional.ofNullable(gc.getLastGcInfo()).map(GcInfo::getId).orElse(-1L)));
            this.sampler = Thread.ofPlatform().daemon().name("server-heap-sampler").start(this::sampleUntilStopped);
        }

        private void sampleUntilStopped() {
            while (running) {
                sample();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private synchronized void sample() {
            try {
                peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
                for (GarbageCollectorMXBean gc : collectors) {
                    GcInfo info = gc.getLastGcInfo();
                    if (info != null && info.getId() != lastGcIds.get(gc.getName())) {
                        lastGcIds.put(gc.getName(), info.getId());
                        if (emptiedEden(info)) {
                            long live = info.getMemoryUsageAfterGc().entrySet().stream()
                                    .filter(pool -> heapPools.contains(pool.getKey()))
                                    .mapToLong(pool -> pool.getValue().getUsed()).sum();
                            peakLiveAfterGc = Math.max(peakLiveAfterGc, live);
                        }
                    }
                }
                samples++;
            } catch (RuntimeException e) {
                // the connection hiccuped (JMX wraps IOExceptions); the next sample will tell
            }
        }

        /**
         * Whether a collection left the young generation empty, so that what it left is live data (and old garbage
         * not yet collected). Pauses of a concurrent cycle (G1's Remark and Cleanup) leave Eden as it was: their
         * "after" is no measure of the live heap.
         */
        private static boolean emptiedEden(GcInfo info) {
            return info.getMemoryUsageAfterGc().entrySet().stream()
                    .filter(pool -> pool.getKey().contains("Eden"))
                    .allMatch(pool -> pool.getValue().getUsed() == 0);
        }

        /** Stops sampling, forces a collection and returns the figures. */
        Figures stop() {
            running = false;
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
            long collections = collectionCount() - collectionsBefore;
            memory.gc();
            MemoryUsage after = memory.getHeapMemoryUsage();
            synchronized (this) {
                return new Figures(baseline, peakUsed, peakLiveAfterGc, after.getUsed(), collections, samples,
                        after.getMax());
            }
        }

        private long collectionCount() {
            return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }
    }
}
