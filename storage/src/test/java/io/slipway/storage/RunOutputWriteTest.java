package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A run's uploaded output streamed to a key of Slipway's making: whole, or not at all. */
class RunOutputWriteTest extends EmbeddedS3TestBase {

    @Test
    void aLargeOutputIsStreamedInPartsToItsKeyWithItsDigest() throws IOException {
        String bucket = newOrganizationBucket();
        long length = 20L * 1000 * 1000;
        String key = "runs/0193c1d2-0000-7000-8000-000000000001/outputs/model.onnx";

        StoredArtifact written = store.writeStream(bucket, key, GeneratedBody.of(7, length), 100L * MIB);

        assertThat(written).isEqualTo(new StoredArtifact(bucket, key, GeneratedBody.sha256(7, length), length, false));
        try (InputStream read = store.open(bucket, key)) {
            assertThat(sha256Of(read)).isEqualTo(GeneratedBody.sha256(7, length));
        }
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void anOutputOverTheLimitOrCutOffLeavesNothingAtItsKey() {
        String bucket = newOrganizationBucket();
        String key = "runs/0193c1d2-0000-7000-8000-000000000002/outputs/model.onnx";

        assertThatThrownBy(() -> store.writeStream(bucket, key, GeneratedBody.of(1, 12L * MIB), 10L * MIB))
                .isInstanceOf(ArtifactTooLargeException.class);
        assertThatThrownBy(() -> store.writeStream(bucket, key, GeneratedBody.failingAfter(1, 30L * MIB, 17L * MIB),
                100L * MIB)).isInstanceOf(UploadInterruptedException.class);

        assertThat(store.stat(bucket, key)).isEmpty();
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void contentAndStagingKeysAreNotWrittenThisWay() {
        String bucket = newOrganizationBucket();

        assertThatThrownBy(() -> store.writeStream(bucket, "sha256/" + "0".repeat(64), InputStream.nullInputStream(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
