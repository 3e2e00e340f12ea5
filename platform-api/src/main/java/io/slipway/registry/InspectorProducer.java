package io.slipway.registry;

import io.slipway.serving.OnnxInspector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One ONNX inspector (and so one ONNX Runtime environment) for the application. */
@ApplicationScoped
public class InspectorProducer {

    @Produces
    @Singleton
    OnnxInspector inspector() {
        return new OnnxInspector();
    }
}
