package io.slipway.storage;

import io.minio.RemoveObjectArgs;
import io.minio.UploadPartResponse;
import io.minio.messages.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One upload being streamed into the store: reads the body a part at a time into one of two reused buffers,
 * hashes it, copies it to the tee, and sends each full buffer as a part of an explicit multipart upload while the
 * other buffer fills from the body (so reading the client and writing the store overlap; at most one part is in
 * flight); a body shorter than one part becomes a single PutObject. Before the object becomes visible (the
 * multipart upload completes, or the single PutObject is sent) the {@link CommitCheck} sees the digest and size
 * and may refuse. On any failure the multipart upload is aborted, so nothing is left. With {@code write} false
 * nothing is written at all: the body is only hashed, teed and checked.
 *
 * <p>S3 allows 10,000 parts, so fixed 8 MiB parts would stop at 78 GiB. Instead the part size doubles every
 * {@value #PARTS_PER_SIZE} parts up to {@value #MAX_DOUBLINGS} doublings (8 MiB up to 1 GiB): the buffers grow
 * with what was actually sent, never with the limit, and stay at 8 MiB below 7.8 GiB.
 */
final class Staging {

    static final int PARTS_PER_SIZE = 1000;
    static final int MAX_DOUBLINGS = 7;

    private static final System.Logger LOG = System.getLogger(Staging.class.getName());

    private final StoreClient client;
    private final String bucket;
    private final String key;
    private final boolean write;
    private final CommitCheck commitCheck;
    private final long maxBytes;
    private final OutputStream tee;
    private final int basePartSize;
    /** The buffer being filled and the one whose part may be in flight; they swap after each part. */
    private byte[] buffer;
    private byte[] sending;
    private CompletableFuture<UploadPartResponse> inFlight;
    private int inFlightNumber;
    private final MessageDigest sha256;
    private final List<Part> parts = new ArrayList<>();

    private long size;
    private String digest;
    private String uploadId;
    private boolean putStarted;

    /** What must hold before the streamed object becomes visible; throws to refuse it. */
    @FunctionalInterface
    interface CommitCheck {
        CommitCheck NONE = (sha256, size) -> { };

        void check(String sha256, long size);
    }

    /** Streams to a new temporary key ({@code uploads/<uuid>}). */
    Staging(StoreClient client, String bucket, long maxBytes, OutputStream tee, int partSize, Instant now) {
        this(client, bucket, ObjectKeys.newTempKey(now), true, maxBytes, tee, partSize, CommitCheck.NONE);
    }

    /**
     * @param key   where the object goes
     * @param write false to write nothing (read-only mode)
     */
    Staging(StoreClient client, String bucket, String key, boolean write, long maxBytes, OutputStream tee,
            int partSize, CommitCheck commitCheck) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.write = write;
        this.commitCheck = commitCheck;
        this.maxBytes = maxBytes;
        this.tee = tee;
        this.basePartSize = partSize;
        this.buffer = new byte[partSize];
        this.sending = write ? new byte[partSize] : null;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** What was streamed: where it went, its digest and size. */
    record Streamed(String key, String sha256, long size) {
    }

    Streamed run(InputStream body) {
        try {
            while (true) {
                int partSize = partSize(basePartSize, parts.size() + 1);
                if (buffer.length != partSize) {
                    buffer = new byte[partSize]; // the old one is garbage: still two buffers per upload
                }
                int filled = fill(body);
                boolean end = filled < buffer.length;
                if (!write) {
                    if (end) {
                        commitCheck.check(digest(), size);
                        break;
                    }
                    continue;
                }
                if (uploadId == null && end) {
                    commitCheck.check(digest(), size);
                    putStarted = true;
                    byte[] whole = buffer;
                    S3Calls.await("store the upload", bucket, key, () -> client.putBytes(bucket, key, whole, filled));
                    break;
                }
                if (filled > 0) {
                    uploadPart(filled);
                }
                if (end) {
                    awaitInFlight();
                    commitCheck.check(digest(), size);
                    Part[] completed = parts.toArray(Part[]::new);
                    S3Calls.await("complete the multipart upload", bucket, key,
                            () -> client.completeMultipartUploadAsync(bucket, null, key, uploadId, completed,
                                    null, null));
                    break;
                }
            }
        } catch (RuntimeException | Error e) {
            cleanUp(e);
            throw e;
        }
        return new Streamed(key, digest(), size);
    }

    /** The body's SHA-256, once it has been read to its end. */
    private String digest() {
        if (digest == null) {
            digest = HexFormat.of().formatHex(sha256.digest());
        }
        return digest;
    }

    /** Reads until the buffer is full or the body ends; returns how many bytes are in the buffer. */
    private int fill(InputStream body) {
        int filled = 0;
        while (filled < buffer.length) {
            int n;
            try {
                n = body.read(buffer, filled, buffer.length - filled);
            } catch (IOException e) {
                throw new UploadInterruptedException(bucket, size, e);
            }
            if (n < 0) {
                break;
            }
            size += n;
            if (size > maxBytes) {
                throw new ArtifactTooLargeException(bucket, maxBytes);
            }
            sha256.update(buffer, filled, n);
            if (tee != null) {
                try {
                    tee.write(buffer, filled, n);
                } catch (IOException e) {
                    throw new StorageException("Cannot copy the upload to bucket " + bucket
                            + " to its side output after " + size + " bytes: " + e.getMessage(), e);
                }
            }
            filled += n;
        }
        return filled;
    }

    /** The size of part {@code partNumber} (from 1). */
    static int partSize(int basePartSize, int partNumber) {
        return basePartSize << Math.min((partNumber - 1) / PARTS_PER_SIZE, MAX_DOUBLINGS);
    }

    /** The most bytes 10,000 parts hold with this base part size. */
    static long capacity(int basePartSize) {
        long total = 0;
        for (int part = 1; part <= ObjectStore.MAX_PARTS; part++) {
            total += partSize(basePartSize, part);
        }
        return total;
    }

    private void uploadPart(int length) {
        if (parts.size() == ObjectStore.MAX_PARTS) {
            throw new StorageException("The upload to bucket " + bucket + " needs more than "
                    + ObjectStore.MAX_PARTS + " parts");
        }
        if (uploadId == null) {
            uploadId = S3Calls.await("start a multipart upload", bucket, key,
                    () -> client.createMultipartUploadAsync(bucket, null, key, null, null)).result().uploadId();
        }
        awaitInFlight();
        int partNumber = parts.size() + 1;
        byte[] part = buffer;
        inFlight = S3Calls.start("upload part " + partNumber, bucket, key,
                () -> client.uploadPartAsync(bucket, null, key, part, length, uploadId, partNumber, null, null));
        inFlightNumber = partNumber;
        buffer = sending;
        sending = part;
    }

    /** Waits for the part in flight, if any, and records it. */
    private void awaitInFlight() {
        if (inFlight != null) {
            CompletableFuture<UploadPartResponse> part = inFlight;
            inFlight = null;
            parts.add(new Part(inFlightNumber, S3Calls.await("upload part " + inFlightNumber, bucket, key,
                    () -> part).etag()));
        }
    }

    /** Leaves nothing behind; a clean-up failure is attached to the original one, never thrown instead. */
    private void cleanUp(Throwable failure) {
        try {
            if (inFlight != null) {
                // let the part finish (or fail) first, so the abort cannot race it and leave the part behind
                CompletableFuture<UploadPartResponse> part = inFlight;
                inFlight = null;
                try {
                    S3Calls.awaitCleanup("upload part " + inFlightNumber, bucket, key, () -> part);
                } catch (StorageException ignored) {
                    // the part failed too: the abort below removes whatever it left
                }
            }
            if (uploadId != null) {
                S3Calls.awaitCleanup("abort the multipart upload", bucket, key,
                        () -> client.abortMultipartUploadAsync(bucket, null, key, uploadId, null, null));
            } else if (putStarted) {
                S3Calls.awaitCleanup("delete the partial upload", bucket, key,
                        () -> client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key)
                                .build()));
            }
        } catch (StorageException cleanUpFailure) {
            if (!S3Calls.hasCode(cleanUpFailure, S3Calls.NO_SUCH_UPLOAD)) {
                LOG.log(System.Logger.Level.WARNING, "Left an incomplete upload behind in bucket " + bucket
                        + " (key " + key + "); the garbage collector will remove it", cleanUpFailure);
                failure.addSuppressed(cleanUpFailure);
            }
        }
    }
}
