package io.slipway.compute;

/**
 * An amount of compute: CPU in thousandths of a core, memory in MiB, whole GPUs. A run asks for one; a pool has
 * one per node; what is in use is their sum.
 */
public record Resources(long cpuMillis, long memoryMib, int gpus) {

    public static final Resources NONE = new Resources(0, 0, 0);

    public Resources {
        if (cpuMillis < 0 || memoryMib < 0 || gpus < 0) {
            throw new IllegalArgumentException("Resources are never negative: " + cpuMillis + "m CPU, " + memoryMib
                    + " MiB, " + gpus + " GPUs");
        }
    }

    public Resources plus(Resources other) {
        return new Resources(cpuMillis + other.cpuMillis, memoryMib + other.memoryMib, gpus + other.gpus);
    }

    /** What is left of this after {@code used}, never below zero. */
    public Resources minus(Resources used) {
        return new Resources(Math.max(0, cpuMillis - used.cpuMillis), Math.max(0, memoryMib - used.memoryMib),
                Math.max(0, gpus - used.gpus));
    }

    public Resources times(int count) {
        return new Resources(cpuMillis * count, memoryMib * count, gpus * count);
    }

    /** Whether {@code request} fits in this amount. */
    public boolean holds(Resources request) {
        return request.cpuMillis <= cpuMillis && request.memoryMib <= memoryMib && request.gpus <= gpus;
    }

    /** As people write it: {@code 1.5 CPUs, 2048 MiB, 1 GPU}. */
    public String describe() {
        return cpus(cpuMillis) + " CPU" + (cpuMillis == 1000 ? "" : "s") + ", " + memoryMib + " MiB, " + gpus
                + " GPU" + (gpus == 1 ? "" : "s");
    }

    static String cpus(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
