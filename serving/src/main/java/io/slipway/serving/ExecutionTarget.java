package io.slipway.serving;

import ai.onnxruntime.OrtProvider;
import java.util.Set;

/**
 * Where a model runs, sized from its deployment's compute pool: how many threads one inference may use, and
 * whether (and on which device) it runs on a GPU.
 *
 * @param intraOpThreads threads ONNX Runtime may use inside one operator (at least 1)
 * @param gpus           GPUs the pool gives each replica; 0 runs on the CPU
 * @param gpuDevice      the CUDA device to use when {@code gpus > 0}
 */
public record ExecutionTarget(int intraOpThreads, int gpus, int gpuDevice) {

    public ExecutionTarget {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, not " + intraOpThreads);
        }
        if (gpus < 0 || gpuDevice < 0) {
            throw new IllegalArgumentException("gpus and gpuDevice cannot be negative");
        }
    }

    /** The CPU with that many threads per inference. */
    public static ExecutionTarget cpu(int intraOpThreads) {
        return new ExecutionTarget(intraOpThreads, 0, 0);
    }

    public boolean onGpu() {
        return gpus > 0;
    }

    /**
     * The execution provider ONNX Runtime should put first for this target, given the ones this process's build
     * has: CUDA when the pool has GPUs, the CPU otherwise.
     *
     * @throws UnloadableModelException ({@link UnloadableModelException.Reason#NO_GPU_PROVIDER}) if the pool has
     *                                  GPUs but this ONNX Runtime cannot use them: serving a GPU pool on the CPU
     *                                  would quietly miss its latency, so it is refused rather than degraded
     */
    public OrtProvider provider(Set<OrtProvider> available) throws UnloadableModelException {
        if (!onGpu()) {
            return OrtProvider.CPU;
        }
        if (!available.contains(OrtProvider.CUDA)) {
            throw new UnloadableModelException(UnloadableModelException.Reason.NO_GPU_PROVIDER, "The pool gives "
                    + gpus + " GPU(s), but this server's ONNX Runtime has no CUDA execution provider (it has "
                    + available + "). Run serving with the onnxruntime_gpu build (Maven profile gpu) on a machine"
                    + " with CUDA, or deploy to a CPU pool.");
        }
        return OrtProvider.CUDA;
    }
}
