package io.slipway.serving;

import java.util.List;

/**
 * What a deployment answered: the outputs, and the model version whose session computed them (the version that
 * answered, which a caller and the request log record).
 */
public record InferenceResult(int version, List<Tensor> outputs) {

    public InferenceResult {
        outputs = List.copyOf(outputs);
    }
}
