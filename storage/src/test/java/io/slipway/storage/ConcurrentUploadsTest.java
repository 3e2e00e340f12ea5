package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many small uploads at once into one bucket, as a busy organization makes them: each is staged under a
 * temporary key, copied to its content key and the temporary object deleted. On the embedded store's
 * file-system back end a delete removes directories it leaves empty, so a layout that keeps temporary
 * objects in a directory of their own made a concurrent upload fail now and then (NoSuchFileException).
 */
class ConcurrentUploadsTest extends EmbeddedS3TestBase {

    private static final int UPLOADS = 2000;
    private static final int THREADS = 4;

    @Test
    void twoThousandConcurrentSmallUploadsAllSucceed() throws InterruptedException {
        String bucket = newOrganizationBucket();
        store.ensureBucket(bucket);
        List<Future<StoredArtifact>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < UPLOADS; i++) {
                byte[] csv = ("id,value\n" + i + "," + (i * 7) + "\n").getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> store.promote(
                        store.stage(bucket, new ByteArrayInputStream(csv), 1024, OutputStreams.NULL))));
            }
        } finally {
            pool.shutdown();
        }
        List<Throwable> failures = new ArrayList<>();
        for (Future<StoredArtifact> result : results) {
            try {
                result.get();
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).as("uploads that failed").isEmpty();
        assertThat(store.listContent(bucket).count()).isEqualTo(UPLOADS);
        assertThat(keys(bucket, "")).as("no temporary object is left").hasSize(UPLOADS);
    }
}
