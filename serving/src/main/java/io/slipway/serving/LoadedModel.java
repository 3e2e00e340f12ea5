package io.slipway.serving;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ONNX Runtime session over a model whose bytes were verified against their registered SHA-256, ready to
 * answer. Thread-safe: ONNX Runtime sessions may run concurrently.
 * <p>
 * Its life is counted: whoever keeps it (a deployment's route) holds a reference from {@link ModelLoader#load}
 * or {@link ModelCache#acquire}, and every request takes a {@link #lease()} for as long as it runs. The session is
 * closed when the last reference goes, so a model switched away from finishes every request already running on
 * it and is never closed under one.
 */
public final class LoadedModel {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final ModelSignature signature;
    private final String sha256;
    /** References: the holders' plus one per running lease; 0 means closed, for good. */
    private final AtomicInteger references = new AtomicInteger(1);

    LoadedModel(OrtEnvironment environment, OrtSession session, ModelSignature signature, String sha256) {
        this.environment = environment;
        this.session = session;
        this.signature = signature;
        this.sha256 = sha256;
    }

    public ModelSignature signature() {
        return signature;
    }

    /** The SHA-256 of the bytes this session was loaded from (the registered one: it was checked). */
    public String sha256() {
        return sha256;
    }

    /**
     * A lease for one request, or empty if the model was closed meanwhile (the caller looks up the route again).
     */
    public Optional<Lease> lease() {
        return retain() ? Optional.of(new Lease()) : Optional.empty();
    }

    /** Another holder's reference; false if the model is already closed. */
    boolean retain() {
        int count;
        do {
            count = references.get();
            if (count == 0) {
                return false;
            }
        } while (!references.compareAndSet(count, count + 1));
        return true;
    }

    /** Gives a reference back; the last one closes the session. */
    public void release() {
        if (references.decrementAndGet() == 0) {
            try {
                session.close();
            } catch (OrtException e) {
                System.getLogger(LoadedModel.class.getName()).log(System.Logger.Level.WARNING,
                        "Closing the session of model " + sha256 + " failed", e);
            }
        }
    }

    /** Whether every reference was given back and the session is closed. */
    public boolean isClosed() {
        return references.get() == 0;
    }

    /**
     * Runs the model. The inputs must have passed {@link InputCheck#check}; {@code outputs} names the outputs
     * wanted (all, in the signature's order, when empty).
     */
    List<Tensor> run(List<Tensor> inputs, List<String> outputs) throws InferenceFailedException {
        List<String> wanted = outputs.isEmpty() ? signature.outputs().stream().map(TensorSpec::name).toList() : outputs;
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            for (Tensor input : inputs) {
                feeds.put(input.name(), input.toOnnx(environment));
            }
            try (OrtSession.Result result = session.run(feeds, new LinkedHashSet<>(wanted))) {
                List<Tensor> answers = new ArrayList<>(wanted.size());
                for (String name : wanted) {
                    OnnxValue value = result.get(name).orElseThrow(() -> new InferenceFailedException(
                            "ONNX Runtime returned no output " + name + "."));
                    if (!(value instanceof OnnxTensor tensor)) {
                        throw new InferenceFailedException("Output " + name + " is a " + value.getInfo()
                                + ", which serving cannot return (it returns tensors).");
                    }
                    answers.add(Tensor.fromOnnx(name, tensor));
                }
                return answers;
            }
        } catch (OrtException e) {
            throw new InferenceFailedException("ONNX Runtime failed to run the model (" + e.getCode() + "): "
                    + e.getMessage(), e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    /** One request's hold on the model: the session stays open until it is closed. */
    public final class Lease implements AutoCloseable {

        private boolean open = true;

        private Lease() {
        }

        public LoadedModel model() {
            return LoadedModel.this;
        }

        /** Checks the inputs against the signature and runs the model. */
        public List<Tensor> infer(List<Tensor> inputs, List<String> outputs)
                throws InvalidInputException, InferenceFailedException {
            InputCheck.check(signature, inputs);
            InputCheck.checkOutputs(signature, outputs);
            return run(inputs, outputs);
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                release();
            }
        }
    }
}
