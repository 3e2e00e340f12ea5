package io.slipway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoggedFailureTest {

    @Test
    void aPrintedTraceCarriesNoLineAMessageForged() {
        IllegalStateException cause = new IllegalStateException("value 'x\r\n[1/1/26 0:00:00:000 UTC] 00 INFO forged'");
        RuntimeException failure = new RuntimeException("Unknown part 'a\nb\u202Ec'", cause);
        failure.addSuppressed(new IllegalArgumentException("suppressed\nline"));

        String printed = printed(LoggedFailure.of(failure));

        assertThat(printed).contains("java.lang.RuntimeException: Unknown part 'a\\u000Ab\\u202Ec'")
                .contains("Caused by: java.lang.IllegalStateException: value 'x\\u000D\\u000A[1/1/26")
                .contains("Suppressed: java.lang.IllegalArgumentException: suppressed\\u000Aline")
                .doesNotContain("\u202E");
        assertThat(printed.lines()).noneMatch(line -> line.startsWith("[1/1/26"))
                .allMatch(line -> line.startsWith("java.") || line.startsWith("\t") || line.startsWith("Caused by: "));
    }

    @Test
    void theStackFramesAreTheOriginals() {
        RuntimeException failure = new RuntimeException("boom", new IllegalStateException());

        Throwable logged = LoggedFailure.of(failure);

        assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(logged.getCause().getStackTrace()).isEqualTo(failure.getCause().getStackTrace());
        assertThat(logged.getCause()).hasToString("java.lang.IllegalStateException");
    }

    @Test
    void aCyclicOrEndlessChainIsCopiedUpToABound() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        RuntimeException deep = new RuntimeException("0");
        for (int i = 1; i < 1000; i++) {
            deep = new RuntimeException(Integer.toString(i), deep);
        }

        assertThat(printed(LoggedFailure.of(first))).contains("first").contains("second");
        assertThat(Arrays.stream(printed(LoggedFailure.of(deep)).split("Caused by:")).count()).isLessThanOrEqualTo(40);
    }

    private static String printed(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
