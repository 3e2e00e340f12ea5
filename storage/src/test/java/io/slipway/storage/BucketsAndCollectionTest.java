package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MinioAsyncClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class BucketsAndCollectionTest extends EmbeddedS3TestBase {

    @Test
    void organizationsBucketIsCreatedOnItsFirstUpload() {
        UUID organization = UUID.randomUUID();
        String bucket = store.bucketFor(organization);
        assertThat(store.buckets()).doesNotContain(bucket);

        store.stage(bucket, GeneratedBody.of(31, 10), 100, null);

        assertThat(store.buckets()).contains(bucket);
        assertThat(store.organizationOf(bucket)).hasValue(organization);
    }

    @Test
    void bucketNameIsThePrefixAndTheOrganizationsHexDigits() {
        UUID organization = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

        assertThat(store.bucketFor(organization)).isEqualTo("slipway-0f8fad5bd9cb469fa16570867728950e");
        assertThat(store.organizationOf("slipway-0f8fad5bd9cb469fa16570867728950e")).hasValue(organization);
        assertThat(store.organizationOf("slipway-not-an-organization")).isEmpty();
    }

    @Test
    void concurrentFirstUsesOfABucketAllSucceed() throws Exception {
        String bucket = newOrganizationBucket();
        int pods = 8;
        List<ObjectStore> stores = new ArrayList<>(); // separate stores: no shared "bucket known" cache
        for (int i = 0; i < pods; i++) {
            stores.add(new ObjectStore(settings()));
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(pods)) {
            List<Callable<Void>> calls = stores.stream().<Callable<Void>>map(s -> () -> {
                s.ensureBucket(bucket);
                return null;
            }).toList();
            for (Future<Void> result : threads.invokeAll(calls)) {
                result.get();
            }
        } finally {
            stores.forEach(ObjectStore::close);
        }

        assertThat(store.buckets()).containsOnlyOnce(bucket);
    }

    @Test
    void bucketsListsOnlyThisStoresBuckets() {
        S3Settings other = new S3Settings(URI.create(s3.endpoint()), null, settings().accessKey(),
                settings().secretKey(), "other-");
        try (ObjectStore otherStore = new ObjectStore(other)) {
            String theirs = otherStore.bucketFor(UUID.randomUUID());
            otherStore.ensureBucket(theirs);
            String mine = newOrganizationBucket();
            store.ensureBucket(mine);

            assertThat(store.buckets()).contains(mine).doesNotContain(theirs).allMatch(b -> b.startsWith("slipway-"));
            assertThat(otherStore.buckets()).contains(theirs).doesNotContain(mine);
        }
    }

    @Test
    void staleIncompleteUploadsAreAbortedAndRecentOnesKept() throws Exception {
        String bucket = newOrganizationBucket();
        store.ensureBucket(bucket);
        Instant now = Instant.now();
        String oldKey = ObjectKeys.newTempKey(now.minus(Duration.ofHours(2)));
        String recentKey = ObjectKeys.newTempKey(now);
        OkHttpClient http = new OkHttpClient();
        try (MinioAsyncClient crashedServer = MinioAsyncClient.builder().endpoint(s3.endpoint())
                .region("us-east-1").credentials(settings().accessKey(), settings().secretKey())
                .httpClient(http).build()) {
            // what a Slipway server leaves behind when it dies in the middle of two uploads
            crashedServer.createMultipartUploadAsync(bucket, null, oldKey, null, null).get();
            crashedServer.createMultipartUploadAsync(bucket, null, recentKey, null, null).get();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        assertThat(store.incompleteUploads(bucket)).extracting(IncompleteUpload::key)
                .containsExactlyInAnyOrder(oldKey, recentKey);

        int aborted = store.abortStaleUploads(bucket, now.minus(Duration.ofHours(1)));

        assertThat(aborted).isEqualTo(1);
        assertThat(store.incompleteUploads(bucket)).extracting(IncompleteUpload::key).containsExactly(recentKey);
        assertThat(store.abortStaleUploads(bucket, Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(store.incompleteUploads(bucket)).isEmpty();
    }

    @Test
    void stagedUploadsNeverPromotedAreDeletedOnceStale() {
        String bucket = newOrganizationBucket();
        StagedUpload forgotten = store.stage(bucket, GeneratedBody.of(32, 100), 1000, null);
        StoredArtifact kept = store.promote(store.stage(bucket, GeneratedBody.of(33, 100), 1000, null));

        assertThat(store.deleteStaleStaged(bucket, Instant.now().minus(Duration.ofHours(1)))).isZero();
        assertThat(store.deleteStaleStaged(bucket, Instant.now().plusSeconds(60))).isEqualTo(1);

        assertThat(keys(bucket, "")).containsExactly(kept.key()).doesNotContain(forgotten.tempKey());
    }

    @Test
    void listingReturnsEveryObjectInKeyOrder() {
        String bucket = newOrganizationBucket();
        List<String> contentKeys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            contentKeys.add(store.promote(store.stage(bucket, GeneratedBody.of(100 + i, 10), 10, null)).key());
        }

        assertThat(keys(bucket, "sha256/")).containsExactlyElementsOf(contentKeys.stream().sorted().toList());
        assertThat(keys(bucket, "upload-")).isEmpty();
    }
}
