package io.slipway.storage;

import com.google.common.collect.ImmutableMultimap;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.messages.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an object to another key of the same bucket without its bytes leaving the server: one CopyObject up
 * to 5 GiB (S3's limit per request), above that a multipart upload whose parts are UploadPartCopy byte ranges.
 * MinIO's own {@code copyObject} would not switch (it only stats the source when given a range), and its
 * {@code composeObject} would, but in 5 GiB parts that tests cannot reach.
 */
final class ServerSideCopy {

    private ServerSideCopy() {
    }

    static void copy(StoreClient client, String bucket, String from, String to, long size, ObjectStore.Tuning tuning) {
        if (size <= tuning.maxSingleCopyBytes()) {
            S3Calls.await("copy to " + to, bucket, from, () -> client.copyObject(CopyObjectArgs.builder()
                    .bucket(bucket).object(to)
                    .source(CopySource.builder().bucket(bucket).object(from).build())
                    .build()));
        } else {
            multipartCopy(client, bucket, from, to, size, Math.max(tuning.copyPartBytes(),
                    Math.ceilDiv(size, ObjectStore.MAX_PARTS)));
        }
    }

    private static void multipartCopy(StoreClient client, String bucket, String from, String to, long size,
            long partSize) {
        String uploadId = S3Calls.await("start a multipart copy", bucket, to,
                () -> client.createMultipartUploadAsync(bucket, null, to, null, null)).result().uploadId();
        try {
            List<Part> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += partSize) {
                int number = parts.size() + 1;
                ImmutableMultimap<String, String> headers = ImmutableMultimap.of(
                        "x-amz-copy-source", "/" + bucket + "/" + from, // keys are UUIDs and hex: nothing to escape
                        "x-amz-copy-source-range", "bytes=" + offset + "-" + (Math.min(size, offset + partSize) - 1));
                String etag = S3Calls.await("copy part " + number + " to " + to, bucket, from,
                        () -> client.uploadPartCopyAsync(bucket, null, to, uploadId, number, headers, null))
                        .result().etag();
                parts.add(new Part(number, etag));
            }
            Part[] completed = parts.toArray(Part[]::new);
            S3Calls.await("complete the multipart copy", bucket, to,
                    () -> client.completeMultipartUploadAsync(bucket, null, to, uploadId, completed, null, null));
        } catch (RuntimeException e) {
            try {
                S3Calls.awaitCleanup("abort the multipart copy", bucket, to,
                        () -> client.abortMultipartUploadAsync(bucket, null, to, uploadId, null, null));
            } catch (StorageException cleanUpFailure) {
                e.addSuppressed(cleanUpFailure);
            }
            throw e;
        }
    }
}
