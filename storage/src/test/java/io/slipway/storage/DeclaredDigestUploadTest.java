package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Uploads whose sender declares the SHA-256: written straight to the content key, and only if it is true. */
class DeclaredDigestUploadTest extends EmbeddedS3TestBase {

    private static final long LENGTH = 20L * 1000 * 1000; // three parts

    @Test
    void aTrueDigestStoresTheBodyStraightAtItsContentKey() throws IOException {
        String bucket = newOrganizationBucket();
        String sha256 = GeneratedBody.sha256(1, LENGTH);
        OutputStreams.Hashing tee = new OutputStreams.Hashing();
        AtomicLong accepted = new AtomicLong(-1);

        StoredArtifact stored = store.store(bucket, sha256, GeneratedBody.of(1, LENGTH), 100L * MIB, tee,
                accepted::set);

        assertThat(stored).isEqualTo(new StoredArtifact(bucket, "sha256/" + sha256, sha256, LENGTH, false));
        assertThat(accepted.get()).as("the size the acceptance check saw").isEqualTo(LENGTH);
        assertThat(tee.sha256()).isEqualTo(sha256);
        assertThat(keys(bucket, "")).as("no temporary object").containsExactly("sha256/" + sha256);
        try (InputStream download = store.open(bucket, stored.key())) {
            assertThat(sha256Of(download)).isEqualTo(sha256);
        }
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void aFalseDigestIsRefusedAndNothingIsStoredUnderIt() {
        String bucket = newOrganizationBucket();
        String claimed = GeneratedBody.sha256(2, LENGTH);

        assertThatThrownBy(() -> store.store(bucket, claimed, GeneratedBody.of(3, LENGTH), 100L * MIB, null,
                size -> { }))
                .isInstanceOfSatisfying(DigestMismatchException.class, e -> {
                    assertThat(e.declared()).isEqualTo(claimed);
                    assertThat(e.actual()).isEqualTo(GeneratedBody.sha256(3, LENGTH));
                });

        assertThat(keys(bucket, "")).isEmpty();
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void aFalseDigestCannotReplaceStoredBytes() throws IOException {
        String bucket = newOrganizationBucket();
        byte[] genuine = "the model that was validated".getBytes();
        StoredArtifact stored = store.promote(store.stage(bucket, new ByteArrayInputStream(genuine), 1024, null));
        String newSha = GeneratedBody.sha256(4, 1000);

        assertThatThrownBy(() -> store.store(bucket, newSha, new ByteArrayInputStream(genuine), 1024, null,
                size -> { })).isInstanceOf(DigestMismatchException.class);
        assertThatThrownBy(() -> store.store(bucket, stored.sha256(), GeneratedBody.of(4, 1000), 1024, null,
                size -> { })).isInstanceOf(DigestMismatchException.class);

        assertThat(keys(bucket, "")).containsExactly(stored.key());
        try (InputStream download = store.open(bucket, stored.key())) {
            assertThat(download.readAllBytes()).isEqualTo(genuine);
        }
    }

    @Test
    void bytesAlreadyStoredAreOnlyReadAndReported() {
        String bucket = newOrganizationBucket();
        String sha256 = GeneratedBody.sha256(5, LENGTH);
        store.store(bucket, sha256, GeneratedBody.of(5, LENGTH), 100L * MIB, null, size -> { });
        OutputStreams.Hashing tee = new OutputStreams.Hashing();

        StoredArtifact again = store.store(bucket, sha256, GeneratedBody.of(5, LENGTH), 100L * MIB, tee,
                size -> { });

        assertThat(again.reused()).isTrue();
        assertThat(tee.count()).as("the content check still sees every byte").isEqualTo(LENGTH);
        assertThat(keys(bucket, "")).containsExactly("sha256/" + sha256);
    }

    @Test
    void aRefusalOfTheAcceptanceCheckLeavesNothingEvenForAMultipartBody() {
        String bucket = newOrganizationBucket();
        String sha256 = GeneratedBody.sha256(6, LENGTH);

        assertThatThrownBy(() -> store.store(bucket, sha256, GeneratedBody.of(6, LENGTH), 100L * MIB, null,
                size -> {
                    throw new IllegalStateException("not a model");
                })).hasMessage("not a model");

        assertThat(keys(bucket, "")).isEmpty();
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItsDigestIsKnown() {
        String bucket = newOrganizationBucket();

        assertThatThrownBy(() -> store.store(bucket, GeneratedBody.sha256(7, LENGTH), GeneratedBody.of(7, LENGTH),
                10L * MIB, null, size -> { })).isInstanceOf(ArtifactTooLargeException.class);

        assertThat(keys(bucket, "")).isEmpty();
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }
}
