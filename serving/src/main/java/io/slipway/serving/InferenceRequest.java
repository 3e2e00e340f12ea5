package io.slipway.serving;

import java.util.List;
import java.util.Optional;

/**
 * An Open Inference Protocol inference request, read: the caller's id (if it sent one), the input tensors, and the
 * outputs it asks for (all when empty), each with whether it wants the raw bytes (the binary tensor extension).
 */
public record InferenceRequest(Optional<String> id, List<Tensor> inputs, List<RequestedOutput> outputs,
                               boolean binaryOutputs) {

    public InferenceRequest {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** An output the caller asks for, and whether as raw bytes after the JSON header. */
    public record RequestedOutput(String name, boolean binary) {
    }

    /** The names of the outputs asked for; empty means all. */
    public List<String> outputNames() {
        return outputs.stream().map(RequestedOutput::name).toList();
    }

    /** Whether the answer to {@code output} goes as raw bytes. */
    public boolean wantsBinary(String output) {
        return binaryOutputs || outputs.stream().anyMatch(o -> o.name().equals(output) && o.binary());
    }
}
