package io.slipway.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListBucketsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.http.Method;
import io.minio.messages.Bucket;
import io.minio.messages.Item;
import io.minio.messages.ListMultipartUploadsResult;
import io.minio.messages.Upload;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Slipway's content-addressed artifact store on any S3 API, one bucket per organization.
 *
 * <p>An upload goes in two steps. {@link #stage} streams the request body to {@code uploads/<uuid>} with a
 * multipart upload of {@value #PART_SIZE}-byte parts, computing its SHA-256 and size on the way and holding
 * two parts in memory (one filling from the body while the other is sent); the caller inspects what it learned (and, through the tee, the bytes themselves).
 * Then {@link #promote} moves it, server-side, to {@code sha256/<hex>}, or finds that the organization already
 * stores those bytes and drops the copy; or {@link #discard} drops it. An upload whose sender declares its
 * digest goes in one step, {@link #store}, straight to {@code sha256/<hex>}. Keys are made from UUIDs and
 * digests only, never from user-supplied names.
 *
 * <p>Every method blocks until the server has answered and throws only {@link StorageException} and its
 * subclasses. Thread-safe; meant to be shared, and closed once at shutdown: it owns an OkHttp client whose
 * dispatcher threads would otherwise keep the JVM alive. Every bucket argument must be one of this store's
 * ({@link #bucketFor}): the store never touches a bucket without its prefix.
 */
public final class ObjectStore implements AutoCloseable {

    /**
     * Size of the multipart parts of an upload (but the last), and of the two buffers it holds, up to 7.8 GiB;
     * larger uploads use larger parts.
     */
    public static final int PART_SIZE = 8 * 1024 * 1024;
    /** The largest artifact: 3 TiB (S3 allows 5 TiB, but 10,000 parts of a bounded buffer hold less). */
    public static final long MAX_OBJECT_SIZE = 3L * 1024 * 1024 * 1024 * 1024;
    /** The longest a presigned URL can live on S3 (signature version 4). */
    public static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);

    /** S3's most parts in one multipart upload. */
    static final int MAX_PARTS = 10_000;
    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;
    private static final System.Logger LOG = System.getLogger(ObjectStore.class.getName());

    /**
     * Sizes that tests shrink to reach the code paths of huge objects with small ones.
     *
     * @param partSize           multipart part size of an upload (at least 5 MiB, S3's smallest part)
     * @param maxSingleCopyBytes largest object promoted with one CopyObject (S3 allows 5 GiB)
     * @param copyPartBytes      part size of the multipart copy above that
     */
    record Tuning(int partSize, long maxSingleCopyBytes, long copyPartBytes) {
        static final Tuning DEFAULT = new Tuning(PART_SIZE, 5 * GIB, GIB);

        Tuning {
            if (partSize < 5 * MIB) {
                throw new IllegalArgumentException("S3 parts are at least 5 MiB, not " + partSize);
            }
        }
    }

    private final S3Settings settings;
    private final Tuning tuning;
    private final OkHttpClient http;
    private final StoreClient client;
    private final Pattern ownBucket;
    /** Buckets known to exist, so that {@link #ensureBucket} asks the server once per bucket. */
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

    public ObjectStore(S3Settings settings) {
        this(settings, Tuning.DEFAULT);
    }

    ObjectStore(S3Settings settings, Tuning tuning) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tuning = tuning;
        this.ownBucket = Pattern.compile(Pattern.quote(settings.bucketPrefix()) + "[0-9a-f]{32}");
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(128); // OkHttp's 5 would queue the sixth concurrent upload
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(Duration.ofSeconds(15))
                .writeTimeout(Duration.ofMinutes(5))
                .readTimeout(Duration.ofMinutes(5)) // a server-side copy of 5 GiB answers only at its end
                .build();
        this.client = new StoreClient(MinioAsyncClient.builder()
                .endpoint(settings.endpoint().toString())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .httpClient(http)
                .build());
    }

    /** The key of the content whose SHA-256 is {@code sha256} (lowercase hex): {@code sha256/<hex>}. */
    public static String contentKey(String sha256) {
        return ObjectKeys.contentKey(sha256);
    }

    /** The SHA-256 a content key names; empty for any other key. */
    public static Optional<String> contentDigest(String key) {
        return key != null && key.startsWith(ObjectKeys.CONTENT_PREFIX)
                ? Optional.of(key.substring(ObjectKeys.CONTENT_PREFIX.length()))
                : Optional.empty();
    }

    public S3Settings settings() {
        return settings;
    }

    // ---- buckets

    /** The organization's bucket: the prefix and the id's 32 hex digits (a valid S3 bucket name). */
    public String bucketFor(UUID organizationId) {
        return settings.bucketPrefix() + organizationId.toString().replace("-", "");
    }

    /** The organization a bucket of this store belongs to; empty for any other name. */
    public Optional<UUID> organizationOf(String bucket) {
        if (bucket == null || !ownBucket.matcher(bucket).matches()) {
            return Optional.empty();
        }
        String hex = bucket.substring(settings.bucketPrefix().length());
        return Optional.of(UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20)));
    }

    /** Creates the bucket unless it exists. Idempotent; concurrent calls for the same bucket all succeed. */
    public void ensureBucket(String bucket) {
        requireOwnBucket(bucket);
        if (knownBuckets.contains(bucket)) {
            return;
        }
        if (!bucketExists(bucket)) {
            try {
                S3Calls.await("create the bucket", bucket, null,
                        () -> client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build()));
                LOG.log(System.Logger.Level.INFO, "Created bucket {0}", bucket);
            } catch (StorageException e) {
                // lost a race with another caller (or another Slipway pod); "already exists" from some servers
                // could also mean somebody else's bucket, so look again with our own credentials
                boolean raced = S3Calls.hasCode(e, "BucketAlreadyOwnedByYou")
                        || S3Calls.hasCode(e, "BucketAlreadyExists") && bucketExists(bucket);
                if (!raced) {
                    throw e;
                }
            }
        }
        knownBuckets.add(bucket);
    }

    /**
     * Whether the store answers an authenticated request within {@code timeout}: empty when it does, else
     * what went wrong (unreachable, timed out, credentials refused). For health checks; never throws.
     */
    public Optional<String> probe(Duration timeout) {
        String bucket = settings.bucketPrefix() + "0".repeat(32); // an own bucket name no organization has
        try {
            S3Calls.start("probe the store", bucket, null,
                    () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.of("no answer within " + timeout.toMillis() + " ms from " + settings.endpoint());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing " + settings.endpoint());
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            StorageException failure = S3Calls.translate("probe the store", bucket, null, e);
            return Optional.of(failure instanceof StoreUnavailableException
                    ? "unreachable at " + settings.endpoint()
                    : "refused the request: " + failure.getMessage());
        }
    }

    /** This store's buckets (those with its prefix and an organization id), sorted by name. */
    public List<String> buckets() {
        List<String> names = new ArrayList<>();
        for (Result<Bucket> result : client.listBuckets(
                ListBucketsArgs.builder().prefix(settings.bucketPrefix()).build())) {
            String name = S3Calls.run("list the buckets", null, null, () -> result.get().name());
            if (ownBucket.matcher(name).matches()) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    // ---- uploads

    /**
     * Streams {@code body} to a temporary object and returns its SHA-256 and size. The body is read until it
     * ends or exceeds {@code maxBytes}, and never closed; every byte read is also written to {@code tee} when it
     * is not null (no more than {@code maxBytes} of them). Memory: two part buffers ({@value #PART_SIZE} bytes each;
     * parts grow only after the first 7.8 GiB). Creates the bucket on first use. A 0-byte body is staged like
     * any other. Whatever fails, nothing is left in the store: the multipart upload is aborted.
     *
     * @throws ArtifactTooLargeException  when the body has more than {@code maxBytes} bytes
     * @throws UploadInterruptedException when reading the body fails (the client went away)
     * @throws StorageException           when the store fails, or writing to the tee does
     */
    public StagedUpload stage(String bucket, InputStream body, long maxBytes, OutputStream tee) {
        Objects.requireNonNull(body, "body");
        if (maxBytes < 0 || maxBytes > MAX_OBJECT_SIZE) {
            throw new IllegalArgumentException("maxBytes must be between 0 and " + MAX_OBJECT_SIZE + ": " + maxBytes);
        }
        ensureBucket(bucket);
        try {
            Staging.Streamed streamed = new Staging(client, bucket, maxBytes, tee, tuning.partSize(), Instant.now())
                    .run(body);
            return new StagedUpload(bucket, streamed.key(), streamed.sha256(), streamed.size());
        } catch (StorageException e) {
            forgetDeletedBucket(bucket, e);
            throw e;
        }
    }

    /**
     * Streams {@code body}, which its sender says has SHA-256 {@code sha256}, straight to its content key
     * {@code sha256/<hex>}: no temporary object, no server-side copy. When the bucket already holds that key,
     * nothing is written at all (the body is only read, hashed and teed) and the result says {@code reused}.
     * Before the object becomes visible, the body's digest must equal {@code sha256} and {@code accept} (which
     * gets the size) must return; otherwise the upload is aborted and nothing is stored, so the key never holds
     * other bytes than its digest names, whatever a sender claims. Limits, tee and memory as {@link #stage}.
     *
     * @throws DigestMismatchException    when the body's SHA-256 is not {@code sha256}
     * @throws ArtifactTooLargeException  when the body has more than {@code maxBytes} bytes
     * @throws UploadInterruptedException when reading the body fails
     * @throws StorageException           when the store fails, or writing to the tee does
     */
    public StoredArtifact store(String bucket, String sha256, InputStream body, long maxBytes, OutputStream tee,
                                LongConsumer accept) {
        Objects.requireNonNull(body, "body");
        String key = ObjectKeys.contentKey(sha256);
        ensureBucket(bucket);
        Optional<ObjectInfo> existing = stat(bucket, key);
        Staging.CommitCheck check = (actual, size) -> {
            if (!actual.equals(sha256)) {
                throw new DigestMismatchException(sha256, actual);
            }
            if (existing.isPresent() && existing.get().size() != size) {
                throw new StorageException("Bucket " + bucket + " holds " + key + " with " + existing.get().size()
                        + " bytes, but bytes of that digest number " + size);
            }
            accept.accept(size);
        };
        try {
            Staging.Streamed streamed = new Staging(client, bucket, key, existing.isEmpty(), maxBytes, tee,
                    tuning.partSize(), check).run(body);
            return new StoredArtifact(bucket, key, streamed.sha256(), streamed.size(), existing.isPresent());
        } catch (StorageException e) {
            forgetDeletedBucket(bucket, e);
            throw e;
        }
    }

    /**
     * Makes a staged upload an artifact at {@code sha256/<hex>}. When the organization already stores an
     * object of that digest and size, the staged copy is deleted and the result says {@code reused}; otherwise
     * the object is copied on the server (multipart copy above 5 GiB) and the temporary one deleted. Two
     * concurrent promotions of the same new bytes both copy; the content is the same either way.
     *
     * @throws ObjectNotFoundException when the staged object is gone (discarded, or promoted already)
     */
    public StoredArtifact promote(StagedUpload staged) {
        String bucket = requireOwnBucket(staged.bucket());
        String key = ObjectKeys.contentKey(staged.sha256());
        Optional<ObjectInfo> existing = stat(bucket, key);
        boolean reused = existing.isPresent() && existing.get().size() == staged.size();
        if (!reused) {
            ServerSideCopy.copy(client, bucket, staged.tempKey(), key, staged.size(), tuning);
        }
        delete(bucket, staged.tempKey());
        return new StoredArtifact(bucket, key, staged.sha256(), staged.size(), reused);
    }

    private void forgetDeletedBucket(String bucket, StorageException e) {
        if (S3Calls.hasCode(e, S3Calls.NO_SUCH_BUCKET)) {
            knownBuckets.remove(bucket); // deleted behind our back: the next upload creates it again
        }
    }

    /** Deletes a staged upload's temporary object; idempotent. */
    public void discard(StagedUpload staged) {
        delete(staged.bucket(), staged.tempKey());
    }

    /**
     * Writes a small object (held in memory by the caller: a chunk of a run's log) at a key of the caller's making,
     * built from ids only; replaces what was there.
     */
    public void write(String bucket, String key, byte[] data) {
        requireObject(bucket, key);
        if (key.startsWith(ObjectKeys.CONTENT_PREFIX) || key.startsWith(ObjectKeys.TEMP_PREFIX)) {
            throw new IllegalArgumentException("Content and staged uploads are written by store() and stage(): " + key);
        }
        S3Calls.await("write", bucket, key, () -> client.putBytes(bucket, key, data, data.length));
    }

    /**
     * Streams a body of unknown length to a key of the caller's making, built from ids and a checked relative path
     * (an output a run uploads), replacing what was there. Limits, memory and clean-up on failure as
     * {@link #stage}: a body that fails leaves no object behind.
     *
     * @throws ArtifactTooLargeException  when the body has more than {@code maxBytes} bytes
     * @throws UploadInterruptedException when reading the body fails (the client went away)
     */
    public StoredArtifact writeStream(String bucket, String key, InputStream body, long maxBytes) {
        Objects.requireNonNull(body, "body");
        requireObject(bucket, key);
        if (key.startsWith(ObjectKeys.CONTENT_PREFIX) || key.startsWith(ObjectKeys.TEMP_PREFIX)) {
            throw new IllegalArgumentException("Content and staged uploads are written by store() and stage(): " + key);
        }
        if (maxBytes < 0 || maxBytes > MAX_OBJECT_SIZE) {
            throw new IllegalArgumentException("maxBytes must be between 0 and " + MAX_OBJECT_SIZE + ": " + maxBytes);
        }
        ensureBucket(bucket);
        try {
            Staging.Streamed streamed = new Staging(client, bucket, key, true, maxBytes, OutputStream.nullOutputStream(),
                    tuning.partSize(), Staging.CommitCheck.NONE).run(body);
            return new StoredArtifact(bucket, key, streamed.sha256(), streamed.size(), false);
        } catch (StorageException e) {
            forgetDeletedBucket(bucket, e);
            throw e;
        }
    }

    // ---- reading

    /**
     * The object's bytes, streamed from the server; the caller closes the stream.
     *
     * @throws ObjectNotFoundException when there is no such object
     */
    public InputStream open(String bucket, String key) {
        requireObject(bucket, key);
        return S3Calls.await("download", bucket, key,
                () -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    /** The object's size, key and modification time; empty when it (or its bucket) does not exist. */
    public Optional<ObjectInfo> stat(String bucket, String key) {
        requireObject(bucket, key);
        try {
            StatObjectResponse stat = S3Calls.await("look up", bucket, key,
                    () -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
            return Optional.of(new ObjectInfo(key, stat.size(), stat.lastModified().toInstant()));
        } catch (ObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The object's size in bytes.
     *
     * @throws ObjectNotFoundException when there is no such object
     */
    public long size(String bucket, String key) {
        return stat(bucket, key).orElseThrow(() -> new ObjectNotFoundException(bucket, key)).size();
    }

    /**
     * A URL that downloads the object with a plain GET, without credentials, until {@code expiry} passes. The
     * response carries {@code Content-Disposition: attachment} with {@code downloadFileName}, made safe first
     * (it is user input): only its last path segment, without quotes, control characters or leading dots.
     * Signing happens locally; the object's existence is not checked.
     */
    public URI presignGet(String bucket, String key, Duration expiry, String downloadFileName) {
        requireObject(bucket, key);
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(MAX_PRESIGN_EXPIRY) > 0) {
            throw new IllegalArgumentException("A presigned URL lives between 1 second and 7 days, not " + expiry);
        }
        String disposition = ContentDisposition.attachment(downloadFileName);
        String url = S3Calls.run("presign a download", bucket, key,
                () -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Method.GET)
                        .bucket(bucket)
                        .object(key)
                        .expiry((int) expiry.toSeconds(), TimeUnit.SECONDS)
                        .extraQueryParams(Map.of("response-content-disposition", disposition))
                        .build()));
        return URI.create(url);
    }

    // ---- deleting and garbage collection

    /** Deletes the object; idempotent (no error when it, or its bucket, does not exist). */
    public void delete(String bucket, String key) {
        requireObject(bucket, key);
        try {
            S3Calls.await("delete", bucket, key,
                    () -> client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (ObjectNotFoundException alreadyGone) {
            // NoSuchBucket: nothing to delete
        }
    }

    /** The content objects ({@code sha256/<hex>}) of the bucket, in key order; see {@link #list}. */
    public Stream<ObjectInfo> listContent(String bucket) {
        return list(bucket, ObjectKeys.CONTENT_PREFIX);
    }

    /**
     * The objects whose keys start with {@code prefix} ({@code ""} for all), in key order, fetched page by
     * page as the stream is consumed; empty when the bucket does not exist. Content lives under
     * {@code sha256/}, staged uploads under {@code uploads/}.
     */
    public Stream<ObjectInfo> list(String bucket, String prefix) {
        requireOwnBucket(bucket);
        Iterator<Result<Item>> items = client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket).prefix(Objects.requireNonNull(prefix, "prefix")).recursive(true).build()).iterator();
        Spliterator<ObjectInfo> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT) {
            @Override
            public boolean tryAdvance(Consumer<? super ObjectInfo> action) {
                if (!items.hasNext()) {
                    return false;
                }
                Result<Item> result = items.next();
                try {
                    Item item = S3Calls.run("list objects", bucket, prefix, result::get);
                    action.accept(new ObjectInfo(item.objectName(), item.size(), item.lastModified().toInstant()));
                    return true;
                } catch (ObjectNotFoundException noBucket) {
                    return false;
                }
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    /** Multipart uploads in the bucket that were started and never completed or aborted, in key order. */
    public List<IncompleteUpload> incompleteUploads(String bucket) {
        requireOwnBucket(bucket);
        List<IncompleteUpload> uploads = new ArrayList<>();
        String keyMarker = null;
        String uploadIdMarker = null;
        while (true) {
            String keys = keyMarker;
            String ids = uploadIdMarker;
            ListMultipartUploadsResult page;
            try {
                page = S3Calls.await("list incomplete uploads", bucket, null,
                        () -> client.listMultipartUploadsAsync(bucket, null, null, null, keys, 1000, null, ids, null,
                                null)).result();
            } catch (StorageException e) {
                if (S3Calls.hasCode(e, S3Calls.NO_SUCH_BUCKET)) {
                    return uploads;
                }
                throw e;
            }
            for (Upload upload : page.uploads()) {
                Instant reported = reportedStart(upload);
                Instant initiated = ObjectKeys.tempKeyCreation(upload.objectName())
                        .filter(created -> created.isBefore(reported)).orElse(reported);
                uploads.add(new IncompleteUpload(upload.objectName(), upload.uploadId(), initiated));
            }
            if (!page.isTruncated() || page.nextKeyMarker() == null || page.nextKeyMarker().isEmpty()) {
                return uploads;
            }
            keyMarker = page.nextKeyMarker();
            uploadIdMarker = page.nextUploadIdMarker();
        }
    }

    /**
     * Aborts the incomplete multipart uploads that started before {@code startedBefore} (see
     * {@link IncompleteUpload#initiated()}) and returns how many. Pick a margin longer than any upload takes.
     */
    public int abortStaleUploads(String bucket, Instant startedBefore) {
        int aborted = 0;
        for (IncompleteUpload upload : incompleteUploads(bucket)) {
            if (upload.initiated().isBefore(startedBefore)) {
                try {
                    S3Calls.await("abort a stale upload", bucket, upload.key(),
                            () -> client.abortMultipartUploadAsync(bucket, null, upload.key(), upload.uploadId(),
                                    null, null));
                    aborted++;
                } catch (StorageException e) {
                    if (!S3Calls.hasCode(e, S3Calls.NO_SUCH_UPLOAD)) {
                        throw e;
                    }
                }
            }
        }
        return aborted;
    }

    /**
     * Deletes staged uploads ({@code upload-...}, and {@code uploads/...} of earlier versions) written before {@code stagedBefore} that were never
     * promoted or discarded (the server stopped between the two steps) and returns how many.
     */
    public int deleteStaleStaged(String bucket, Instant stagedBefore) {
        List<String> stale = new ArrayList<>();
        for (String prefix : List.of(ObjectKeys.TEMP_PREFIX, ObjectKeys.LEGACY_TEMP_PREFIX)) {
            try (Stream<ObjectInfo> staged = list(bucket, prefix)) {
                staged.filter(info -> info.lastModified().isBefore(stagedBefore)).map(ObjectInfo::key)
                        .forEach(stale::add);
            }
        }
        stale.forEach(key -> delete(bucket, key));
        return stale.size();
    }

    /** Stops the HTTP client's threads and closes its idle connections. Calls still running may finish. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---- internals

    /** The server's initiation time; MinIO's {@code Upload.initiated()} throws when the element is missing. */
    private static Instant reportedStart(Upload upload) {
        try {
            ZonedDateTime initiated = upload.initiated();
            return initiated == null ? Instant.now() : initiated.toInstant();
        } catch (NullPointerException missing) {
            return Instant.now();
        }
    }

    private boolean bucketExists(String bucket) {
        return S3Calls.await("look up the bucket", bucket, null,
                () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    private String requireOwnBucket(String bucket) {
        if (bucket == null || !ownBucket.matcher(bucket).matches()) {
            throw new IllegalArgumentException("Not a bucket of this store (prefix '" + settings.bucketPrefix()
                    + "' and 32 hex digits): " + bucket);
        }
        return bucket;
    }

    private void requireObject(String bucket, String key) {
        requireOwnBucket(bucket);
        ObjectKeys.requireKey(key);
    }

    @Override
    public String toString() {
        return "ObjectStore[" + settings.endpoint() + ", buckets " + settings.bucketPrefix() + "*]";
    }
}
