package io.slipway.compute;

/** One GPU of this machine, as {@code nvidia-smi} names it. */
public record Gpu(int index, String model, long memoryMib) {
}
