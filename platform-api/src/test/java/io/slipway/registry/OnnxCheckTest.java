package io.slipway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.api.ProblemException;
import io.slipway.serving.InspectorUnavailableException;
import io.slipway.serving.ModelInspector;
import io.slipway.serving.ModelSignature;
import io.slipway.serving.TensorSpec;
import io.slipway.serving.UnloadableModelException;
import io.slipway.serving.UnloadableModelException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX check's copy of an upload: bounded in size and in total, and gone after every kind of ending. */
class OnnxCheckTest {

    private static final ModelSignature SIGNATURE = new ModelSignature(
            List.of(new TensorSpec("x", "float", List.of(-1L, 4L))), List.of(new TensorSpec("y", "float", List.of())));

    @TempDir
    Path dir;

    private InspectionSpool spool;

    @BeforeEach
    void createSpool() {
        spool = new InspectionSpool(dir.resolve("uploads"), 10_000);
    }

    @Test
    void anAcceptedModelIsInspectedFromACompleteCopyThatIsThenDeleted() throws IOException {
        AtomicReference<byte[]> seen = new AtomicReference<>();
        ModelInspector inspector = inspector(file -> {
            seen.set(Files.readAllBytes(file));
            return SIGNATURE;
        });

        try (OnnxCheck check = new OnnxCheck(inspector, spool, "m.onnx")) {
            check.tee().write(bytes(3000));
            check.verify();
            assertThat(check.signature()).isEqualTo(SIGNATURE);
        }

        assertThat(seen.get()).isEqualTo(bytes(3000));
        assertSpoolEmpty();
    }

    @Test
    void aRefusedModelIsA422WithTheReasonAndLeavesNoCopy() throws IOException {
        ModelInspector inspector = inspector(file -> {
            throw new UnloadableModelException(Reason.NOT_ONNX, "m.onnx is not an ONNX model");
        });

        try (OnnxCheck check = new OnnxCheck(inspector, spool, "m.onnx")) {
            check.tee().write(bytes(100));
            assertThatThrownBy(check::verify).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(422);
                assertThat(e.code()).isEqualTo("invalid-onnx");
            }).hasMessage("m.onnx is not an ONNX model");
        }
        assertSpoolEmpty();
    }

    @Test
    void anInspectorThatCrashedRanOutOfMemoryOrTimeIsA422NamingIt() throws IOException {
        for (Reason reason : List.of(Reason.CRASHED, Reason.OUT_OF_MEMORY, Reason.TIMED_OUT)) {
            ModelInspector inspector = inspector(file -> {
                throw new UnloadableModelException(reason, "what happened");
            });
            try (OnnxCheck check = new OnnxCheck(inspector, spool, "m.onnx")) {
                check.tee().write(bytes(100));
                assertThatThrownBy(check::verify).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo(reason.code());
                });
            }
        }
        assertSpoolEmpty();
    }

    @Test
    void anUploadThatBreaksOffLeavesNoCopyAndReturnsItsBytesToTheBudget() throws IOException {
        OnnxCheck check = new OnnxCheck(inspector(file -> SIGNATURE), spool, "m.onnx");
        check.tee().write(bytes(4000));
        assertThat(spool.usedBytes()).isEqualTo(4000);

        check.close(); // what ArtifactUploads does when the body ends early: no verify

        assertSpoolEmpty();
    }

    @Test
    void aModelLargerThanTheInspectorTakesIsNotCopiedBeyondItsLimitAndIsA422() throws IOException {
        ModelInspector inspector = inspector(1000, file -> {
            throw new AssertionError("a model over the limit is never inspected");
        });

        try (OnnxCheck check = new OnnxCheck(inspector, spool, "big.onnx")) {
            OutputStream tee = check.tee();
            for (int i = 0; i < 5; i++) {
                tee.write(bytes(1000));
            }
            assertSpoolEmpty();
            assertThatThrownBy(check::verify).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(422);
                assertThat(e.code()).isEqualTo("model-too-large-to-inspect");
            }).hasMessage("big.onnx is too large to inspect within 1000 bytes of memory (it has 4.9 KiB), so it"
                    + " cannot be served here.");
        }
    }

    @Test
    void uploadsInFlightShareTheSpoolsBudgetAndOneBeyondItIsA503() throws IOException {
        ModelInspector inspector = inspector(file -> SIGNATURE);
        try (OnnxCheck first = new OnnxCheck(inspector, spool, "a.onnx");
             OnnxCheck second = new OnnxCheck(inspector, spool, "b.onnx")) {
            first.tee().write(bytes(8000));
            second.tee().write(bytes(3000));

            assertThatThrownBy(second::verify).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("inspector-busy");
            });
            first.verify();
            assertThat(first.signature()).isEqualTo(SIGNATURE);
        }
        assertSpoolEmpty();
    }

    @Test
    void aBusyInspectorIsA503WorthRetryingAndABrokenOneA503ThatRevealsNothing() throws IOException {
        ModelInspector busy = inspector(file -> {
            throw InspectorUnavailableException.busy("all inspector processes are busy");
        });
        ModelInspector broken = inspector(file -> {
            throw InspectorUnavailableException.broken("No java binary at /opt/secret/java", null);
        });

        try (OnnxCheck check = new OnnxCheck(busy, spool, "m.onnx")) {
            check.tee().write(bytes(10));
            assertThatThrownBy(check::verify).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("inspector-busy");
            });
        }
        try (OnnxCheck check = new OnnxCheck(broken, spool, "m.onnx")) {
            check.tee().write(bytes(10));
            assertThatThrownBy(check::verify).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("inspector-unavailable");
            }).hasMessageNotContaining("/opt/secret");
        }
        assertSpoolEmpty();
    }

    @Test
    void copiesLeftByAPreviousRunAreDeletedWhenTheSpoolStarts() throws IOException {
        Path leftover = Files.write(spool.dir().resolve("upload-1234.onnx"), bytes(10));

        new InspectionSpool(spool.dir(), 10_000);

        assertThat(leftover).doesNotExist();
    }

    private void assertSpoolEmpty() throws IOException {
        try (Stream<Path> files = Files.list(spool.dir())) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(spool.usedBytes()).isZero();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private interface Inspection {
        ModelSignature inspect(Path file) throws UnloadableModelException, IOException;
    }

    private static ModelInspector inspector(Inspection inspection) {
        return inspector(1 << 20, inspection);
    }

    private static ModelInspector inspector(long maxModelBytes, Inspection inspection) {
        return new ModelInspector() {
            @Override
            public ModelSignature inspect(Path onnxFile, String displayName) throws UnloadableModelException {
                try {
                    return inspection.inspect(onnxFile);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public long maxModelBytes() {
                return maxModelBytes;
            }
        };
    }
}
