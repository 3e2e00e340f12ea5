package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArtifactUploadTest extends EmbeddedS3TestBase {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void multipartUploadKeepsTheDigestAndSizeOfWhatWasSentAndDownloadsIdentically() throws IOException {
        String bucket = newOrganizationBucket();
        long length = 40L * 1000 * 1000; // five parts, the last one smaller
        OutputStreams.Hashing tee = new OutputStreams.Hashing();

        StagedUpload staged = store.stage(bucket, GeneratedBody.of(1, length), 100L * MIB, tee);

        String expected = GeneratedBody.sha256(1, length);
        assertThat(staged.sha256()).isEqualTo(expected);
        assertThat(staged.size()).isEqualTo(length);
        assertThat(staged.tempKey()).startsWith("upload-");
        assertThat(tee.sha256()).as("the tee saw every byte").isEqualTo(expected);
        assertThat(tee.count()).isEqualTo(length);

        StoredArtifact artifact = store.promote(staged);

        assertThat(artifact).isEqualTo(new StoredArtifact(bucket, "sha256/" + expected, expected, length, false));
        assertThat(store.size(bucket, artifact.key())).isEqualTo(length);
        try (InputStream download = store.open(bucket, artifact.key())) {
            assertThat(sha256Of(download)).isEqualTo(expected);
        }
        assertThat(keys(bucket, "")).containsExactly(artifact.key());
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void smallUploadRoundTripsByteForByte() throws IOException {
        String bucket = newOrganizationBucket();
        byte[] model = "not really ONNX, but bytes all the same".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream tee = new ByteArrayOutputStream();

        StoredArtifact artifact = store.promote(store.stage(bucket, new ByteArrayInputStream(model), 1024, tee));

        assertThat(tee.toByteArray()).isEqualTo(model);
        try (InputStream download = store.open(bucket, artifact.key())) {
            assertThat(download.readAllBytes()).isEqualTo(model);
        }
    }

    @Test
    void sameBytesUploadedTwiceAreStoredOnce() {
        String bucket = newOrganizationBucket();

        StoredArtifact first = store.promote(store.stage(bucket, GeneratedBody.of(2, 3 * MIB), 10L * MIB, null));
        StoredArtifact second = store.promote(store.stage(bucket, GeneratedBody.of(2, 3 * MIB), 10L * MIB, null));

        assertThat(first.reused()).isFalse();
        assertThat(second.reused()).isTrue();
        assertThat(second.key()).isEqualTo(first.key());
        assertThat(keys(bucket, "")).containsExactly(first.key());
    }

    @Test
    void sameBytesInAnotherOrganizationAreStoredAgain() {
        String mine = newOrganizationBucket();
        String theirs = newOrganizationBucket();

        StoredArtifact first = store.promote(store.stage(mine, GeneratedBody.of(3, 1000), 10_000, null));
        StoredArtifact second = store.promote(store.stage(theirs, GeneratedBody.of(3, 1000), 10_000, null));

        assertThat(second.reused()).isFalse();
        assertThat(second.key()).isEqualTo(first.key());
        assertThat(keys(theirs, "")).containsExactly(second.key());
    }

    @Test
    void emptyBodyIsStagedWithSizeZero() throws IOException {
        String bucket = newOrganizationBucket();

        StagedUpload staged = store.stage(bucket, InputStream.nullInputStream(), 1024, null);

        assertThat(staged.size()).isZero();
        assertThat(staged.sha256()).isEqualTo(EMPTY_SHA256);
        StoredArtifact artifact = store.promote(staged);
        try (InputStream download = store.open(bucket, artifact.key())) {
            assertThat(download.readAllBytes()).isEmpty();
        }
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() {
        String bucket = newOrganizationBucket();

        StagedUpload staged = store.stage(bucket, GeneratedBody.of(4, ObjectStore.PART_SIZE),
                ObjectStore.PART_SIZE, null);

        assertThat(staged.size()).isEqualTo(ObjectStore.PART_SIZE);
        store.discard(staged);
    }

    @Test
    void bodyOverTheLimitIsRejectedNamingTheLimitAndLeavesNothing() {
        String bucket = newOrganizationBucket();
        long limit = 10L * MIB; // one part is already uploaded when the limit is crossed

        assertThatThrownBy(() -> store.stage(bucket, GeneratedBody.of(5, 12L * MIB), limit, null))
                .isInstanceOfSatisfying(ArtifactTooLargeException.class,
                        e -> assertThat(e.limit()).isEqualTo(limit))
                .hasMessageContaining(Long.toString(limit));

        assertThat(keys(bucket, "")).isEmpty();
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void smallBodyOverASmallLimitIsRejected() {
        String bucket = newOrganizationBucket();

        assertThatThrownBy(() -> store.stage(bucket, GeneratedBody.of(6, 101), 100, null))
                .isInstanceOfSatisfying(ArtifactTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(100));

        assertThat(keys(bucket, "")).isEmpty();
    }

    @Test
    void bodyThatBreaksOffMidwayLeavesNoObjectAndNoIncompleteUpload() {
        String bucket = newOrganizationBucket();
        long brokenAt = 20L * 1000 * 1000;

        assertThatThrownBy(() -> store.stage(bucket, GeneratedBody.failingAfter(7, 40L * MIB, brokenAt),
                100L * MIB, null))
                .isInstanceOfSatisfying(UploadInterruptedException.class,
                        e -> assertThat(e.bytesRead()).isEqualTo(brokenAt))
                .hasCauseInstanceOf(IOException.class);

        assertThat(keys(bucket, "")).isEmpty();
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void failingTeeAbortsTheUpload() {
        String bucket = newOrganizationBucket();
        OutputStream fullDisk = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 9L * MIB) {
                    throw new IOException("No space left on device");
                }
            }
        };

        assertThatThrownBy(() -> store.stage(bucket, GeneratedBody.of(8, 12L * MIB), 100L * MIB, fullDisk))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("No space left on device");

        assertThat(keys(bucket, "")).isEmpty();
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void discardDeletesTheStagedUploadAndCanBeRepeated() {
        String bucket = newOrganizationBucket();
        StagedUpload staged = store.stage(bucket, GeneratedBody.of(9, 1000), 10_000, null);
        assertThat(keys(bucket, "upload-")).containsExactly(staged.tempKey());

        store.discard(staged);
        store.discard(staged);

        assertThat(keys(bucket, "")).isEmpty();
    }

    @Test
    void promotingADiscardedUploadFailsAsNotFound() {
        String bucket = newOrganizationBucket();
        StagedUpload staged = store.stage(bucket, GeneratedBody.of(10, 1000), 10_000, null);
        store.discard(staged);

        assertThatThrownBy(() -> store.promote(staged))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining(bucket);
    }

    @Test
    void artifactAboveTheSingleCopyLimitIsPromotedWithAMultipartCopy() throws IOException {
        ObjectStore.Tuning small = new ObjectStore.Tuning(ObjectStore.PART_SIZE, 16L * MIB, 16L * MIB);
        long length = 40L * 1000 * 1000; // three copied parts: 16 + 16 + 6.1 MiB
        try (ObjectStore tuned = new ObjectStore(settings(), small)) {
            String bucket = newOrganizationBucket();

            StoredArtifact artifact = tuned.promote(tuned.stage(bucket, GeneratedBody.of(11, length), length, null));

            assertThat(artifact.size()).isEqualTo(length);
            try (InputStream download = tuned.open(bucket, artifact.key())) {
                assertThat(sha256Of(download)).isEqualTo(GeneratedBody.sha256(11, length));
            }
            assertThat(keys(bucket, "")).containsExactly(artifact.key());
            assertThat(tuned.incompleteUploads(bucket)).isEmpty();
        }
    }
}
