package io.slipway.it.support;

import io.slipway.storage.ObjectInfo;
import io.slipway.storage.ObjectStore;
import io.slipway.storage.S3Settings;
import io.slipway.storage.StagedUpload;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Looks into an organization's bucket of the test S3 store, as an operator with the store's keys would. */
public final class Buckets {

    private Buckets() {
    }

    /** Every object key in the organization's bucket (empty when the bucket does not exist yet). */
    public static Set<String> keys(TestOrg org) {
        try (ObjectStore store = store()) {
            String bucket = store.bucketFor(orgId(org));
            if (!store.buckets().contains(bucket)) {
                return Set.of();
            }
            try (Stream<ObjectInfo> objects = store.list(bucket, "")) {
                return objects.map(ObjectInfo::key).collect(Collectors.toCollection(TreeSet::new));
            }
        }
    }

    /** Every bucket of the test store that belongs to an organization. */
    public static Set<String> all() {
        try (ObjectStore store = store()) {
            return new TreeSet<>(store.buckets());
        }
    }

    /** Every object key in the bucket. */
    public static Set<String> keys(String bucket) {
        try (ObjectStore store = store(); Stream<ObjectInfo> objects = store.list(bucket, "")) {
            return objects.map(ObjectInfo::key).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** How many multipart uploads are open in the bucket. */
    public static int openUploads(String bucket) {
        try (ObjectStore store = store()) {
            return store.incompleteUploads(bucket).size();
        }
    }

    /** How many multipart uploads are open (started, neither completed nor aborted) in the bucket. */
    public static int openUploads(TestOrg org) {
        try (ObjectStore store = store()) {
            String bucket = store.bucketFor(orgId(org));
            return store.buckets().contains(bucket) ? store.incompleteUploads(bucket).size() : 0;
        }
    }

    /**
     * Stores {@code content} under its SHA-256 in the organization's bucket without registering it, as an upload
     * whose registration failed leaves it; returns its key.
     */
    public static String storeUnregistered(TestOrg org, byte[] content) {
        try (ObjectStore store = store()) {
            String bucket = store.bucketFor(orgId(org));
            StagedUpload staged = store.stage(bucket, new ByteArrayInputStream(content), content.length, null);
            return store.promote(staged).key();
        }
    }

    /**
     * Replaces the stored bytes of content {@code sha256} with other bytes, as bit rot or a hand-edited bucket
     * would: the registry still names the old digest.
     */
    public static void corrupt(TestOrg org, String sha256, byte[] otherBytes) {
        try (ObjectStore store = store()) {
            io.minio.MinioClient client = io.minio.MinioClient.builder().endpoint(TestPlatform.s3().endpoint())
                    .credentials(TestPlatform.s3AccessKey(), TestPlatform.s3SecretKey()).build();
            client.putObject(io.minio.PutObjectArgs.builder().bucket(store.bucketFor(orgId(org)))
                    .object(ObjectStore.contentKey(sha256))
                    .stream(new ByteArrayInputStream(otherBytes), otherBytes.length, -1).build());
        } catch (Exception e) {
            throw new IllegalStateException("Could not overwrite content " + sha256, e);
        }
    }

    public static UUID orgId(TestOrg org) {
        return UUID.fromString(Database.queryForString("select id from organizations where slug = ?", org.slug()));
    }

    private static ObjectStore store() {
        return new ObjectStore(new S3Settings(URI.create(TestPlatform.s3().endpoint()), "us-east-1",
                TestPlatform.s3AccessKey(), TestPlatform.s3SecretKey(), "slipway-"));
    }
}
