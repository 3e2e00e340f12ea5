package io.slipway.storage;

import com.google.common.collect.ImmutableMultimap;
import io.minio.MinioAsyncClient;
import io.minio.ObjectWriteResponse;
import java.util.concurrent.CompletableFuture;

/**
 * MinIO's asynchronous client plus one call its public API lacks: PutObject straight from a byte array.
 * The public {@code putObject} takes an {@code InputStream} and copies it into buffers of its own first;
 * from an array, MinIO sends the bytes as they are (and still signs them and sets {@code Content-MD5}).
 */
final class StoreClient extends MinioAsyncClient {

    private static final ImmutableMultimap<String, String> OCTET_STREAM =
            ImmutableMultimap.of("Content-Type", "application/octet-stream");

    StoreClient(MinioAsyncClient configured) {
        super(configured);
    }

    /** PutObject of {@code data[0..length)}; the array must stay unchanged until the future completes. */
    CompletableFuture<ObjectWriteResponse> putBytes(String bucket, String key, byte[] data, int length)
            throws Exception {
        return putObjectAsync(bucket, null, key, data, length, OCTET_STREAM, null);
    }
}
