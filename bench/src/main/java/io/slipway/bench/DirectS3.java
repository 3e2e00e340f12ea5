package io.slipway.bench;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.MinioException;
import io.slipway.storage.ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The baseline: plain MinIO SDK calls straight to the S3 server Slipway uses, with Slipway's part size. An
 * upload is {@code putObject} of a stream of unknown size (so a multipart upload, as Slipway's staging does);
 * a download is {@code getObject} read to the end.
 */
final class DirectS3 implements AutoCloseable {

    static final String BUCKET = "bench-direct";

    private final OkHttpClient http;
    private final MinioClient minio;

    DirectS3(URI endpoint, String accessKey, String secretKey) {
        this.http = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(Duration.ofSeconds(15))
                .writeTimeout(Duration.ofMinutes(5))
                .readTimeout(Duration.ofMinutes(5))
                .build();
        this.minio = MinioClient.builder()
                .endpoint(endpoint.toString())
                .region("us-east-1") // no GetBucketLocation round trip
                .credentials(accessKey, secretKey)
                .httpClient(http)
                .build();
    }

    void ensureBucket() throws IOException {
        call(() -> {
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
            }
            return null;
        });
    }

    Transfer upload(String key, GeneratedArtifact artifact) throws IOException {
        long start = System.nanoTime();
        call(() -> minio.putObject(PutObjectArgs.builder()
                .bucket(BUCKET).object(key)
                .stream(artifact, -1, ObjectStore.PART_SIZE)
                .contentType("application/octet-stream")
                .build()));
        long nanos = System.nanoTime() - start;
        return new Transfer(artifact.position(), nanos, artifact.sha256Hex(), -1);
    }

    Transfer download(String key) throws IOException {
        long start = System.nanoTime();
        Transfer.Drained drained = call(() -> {
            try (GetObjectResponse in = minio.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build())) {
                return Transfer.drain(in);
            }
        });
        return new Transfer(drained.bytes(), System.nanoTime() - start, drained.sha256(), -1);
    }

    void delete(String key) throws IOException {
        call(() -> {
            minio.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(key).build());
            return null;
        });
    }

    @Override
    public void close() {
        // OkHttp's dispatcher and pool threads would keep the JVM alive
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run() throws IOException, MinioException, GeneralSecurityException;
    }

    private static <T> T call(S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (MinioException | GeneralSecurityException e) {
            throw new IOException("S3 call to bucket " + BUCKET + " failed: " + e, e);
        }
    }
}
