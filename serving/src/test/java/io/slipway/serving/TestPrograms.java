package io.slipway.serving;

import ai.onnxruntime.OrtEnvironment;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Inspector programs that misbehave, run as the inspector process in tests: they hang, crash or tell. */
final class TestPrograms {

    private TestPrograms() {
    }

    static ChildProgram of(Class<?> main) {
        return new ChildProgram(main, List.of(main, InspectorMain.class, OrtEnvironment.class));
    }

    /** Never answers. */
    static final class Hangs {
        public static void main(String[] args) throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    /** Gets a SIGSEGV: the JVM reports a fatal error and exits, as it does for a fault in ONNX Runtime's code. */
    static final class Segfaults {
        public static void main(String[] args) throws Exception {
            String self = Long.toString(ProcessHandle.current().pid());
            new ProcessBuilder("kill", "-SEGV", self).inheritIO().start().waitFor();
            new CountDownLatch(1).await();
        }
    }

    /** Killed by a signal (as the kernel's out-of-memory killer would). */
    static final class GetsKilled {
        public static void main(String[] args) throws Exception {
            String self = Long.toString(ProcessHandle.current().pid());
            new ProcessBuilder("kill", "-KILL", self).inheritIO().start().waitFor();
            new CountDownLatch(1).await();
        }
    }

    /** Answers with a signature whose input names are the names of its environment variables. */
    static final class TellsItsEnvironment {
        public static void main(String[] args) {
            List<TensorSpec> variables = System.getenv().keySet().stream().sorted()
                    .map(name -> new TensorSpec(name, "string", List.of())).toList();
            System.out.println(InspectorMain.REPLY_PREFIX + InspectorMain.signatureJson(
                    new ModelSignature(variables, List.of())));
        }
    }

    /** Prints more than any reply may be. */
    static final class Floods {
        public static void main(String[] args) {
            String line = "x".repeat(1023);
            for (int i = 0; i < 4096; i++) {
                System.out.println(line);
            }
        }
    }
}
