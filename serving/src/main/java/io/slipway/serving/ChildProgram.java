package io.slipway.serving;

import ai.onnxruntime.OrtEnvironment;
import java.util.List;

/**
 * What an inspector process runs: its main class and the classes whose jars make up its class path. Always
 * {@link #INSPECTOR} in the server; tests substitute programs that crash or hang.
 */
record ChildProgram(Class<?> mainClass, List<Class<?>> classpathOf) {

    /** {@link InspectorMain} with this module's jar and ONNX Runtime's. */
    static final ChildProgram INSPECTOR = new ChildProgram(InspectorMain.class,
            List.of(InspectorMain.class, OrtEnvironment.class));

    ChildProgram {
        classpathOf = List.copyOf(classpathOf);
    }
}
