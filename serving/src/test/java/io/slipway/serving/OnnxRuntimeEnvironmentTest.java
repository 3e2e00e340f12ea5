package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.devstack.SampleModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process environment ONNX Runtime 1.29 needs: {@code ORT_DISABLE_TELEMETRY=1}. Without it, creating the
 * ONNX Runtime environment in a JVM whose command line is longer than about 4 KB kills the JVM (SIGSEGV in the
 * telemetry's process-info collection), which for the server would mean the first model upload brings it down.
 */
class OnnxRuntimeEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void testsRunWithOnnxRuntimeTelemetryOff() {
        assertThat(OnnxInspector.telemetryDisabled())
                .as("surefire must set %s=1 (see serving/pom.xml)", OnnxInspector.TELEMETRY_OPT_OUT).isTrue();
    }

    @Test
    void inspectionSurvivesAJvmWithALongCommandLine() throws IOException, InterruptedException {
        Path model = SampleModels.irisLikeClassifier(dir);
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dslipway.padding=" + "x".repeat(8 * 1024), "-cp", System.getProperty("java.class.path"),
                InspectInChildJvm.class.getName(), model.toString());

        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as("exit code (139 = SIGSEGV); output:%n%s", output).isZero();
        assertThat(output).contains("input float[?,4] -> output float[?,3]");
    }

    /** The child JVM's entry point: inspects the model named by its argument and prints the signature. */
    static final class InspectInChildJvm {

        public static void main(String[] args) throws UnloadableModelException {
            System.out.println(new OnnxInspector().inspect(Path.of(args[0])).describe());
        }
    }
}
