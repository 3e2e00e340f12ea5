package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArtifactDownloadTest extends EmbeddedS3TestBase {

    private static HttpClient http;
    private static String bucket;
    private static StoredArtifact artifact;

    @BeforeAll
    static void storeOneArtifact() {
        http = HttpClient.newHttpClient();
        bucket = newOrganizationBucket();
        artifact = store.promote(store.stage(bucket, GeneratedBody.of(21, 3 * MIB), 10L * MIB, null));
    }

    @AfterAll
    static void closeHttp() {
        http.close();
    }

    @Test
    void presignedUrlDownloadsTheBytesWithoutCredentials() throws Exception {
        URI url = store.presignGet(bucket, artifact.key(), Duration.ofMinutes(5), "model.onnx");

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sha256Of(new java.io.ByteArrayInputStream(response.body()))).isEqualTo(artifact.sha256());
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"model.onnx\"; filename*=UTF-8''model.onnx");
    }

    @Test
    void presignedUrlNamesOnlyTheBaseNameOfAPathTraversingFileName() throws Exception {
        URI url = store.presignGet(bucket, artifact.key(), Duration.ofMinutes(5), "../../etc/passwd");

        assertThat(contentDisposition(url)).isEqualTo("attachment; filename=\"passwd\"; filename*=UTF-8''passwd");
    }

    @Test
    void presignedUrlDropsNulsQuotesAndControlCharactersFromTheFileName() throws Exception {
        URI url = store.presignGet(bucket, artifact.key(), Duration.ofMinutes(5),
                "rep\u0000ort\r\nSet-Cookie: x=\"1\".csv");

        assertThat(contentDisposition(url)).isEqualTo(
                "attachment; filename=\"reportSet-Cookie: x=1.csv\"; filename*=UTF-8''reportSet-Cookie%3A%20x%3D1.csv");
    }

    @Test
    void presignedUrlCarriesANonAsciiFileNameEncoded() throws Exception {
        URI url = store.presignGet(bucket, artifact.key(), Duration.ofMinutes(5), "modèle ü.onnx");

        assertThat(contentDisposition(url)).isEqualTo(
                "attachment; filename=\"mod_le _.onnx\"; filename*=UTF-8''mod%C3%A8le%20%C3%BC.onnx");
    }

    @Test
    void presignedUrlWorksUntilItExpiresAndNotAfter() throws Exception {
        // signatures carry their time in whole seconds: a 2-second URL is valid for 1 to 2 seconds
        Instant signed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        URI url = store.presignGet(bucket, artifact.key(), Duration.ofSeconds(2), "model.onnx");
        int first = status(url);

        // ask until the store refuses it (bounded): the expiry itself is what is under test
        int last = first;
        Instant deadline = signed.plusSeconds(15);
        while (last == 200 && Instant.now().isBefore(deadline)) {
            last = status(url);
        }

        assertThat(first).as("fresh URL").isEqualTo(200);
        assertThat(last).as("expired URL").isEqualTo(403);
        assertThat(Instant.now()).as("refused only once expired").isAfterOrEqualTo(signed.plusSeconds(2));
    }

    private int status(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void statAndSizeDescribeTheObject() {
        assertThat(store.stat(bucket, artifact.key())).hasValueSatisfying(info -> {
            assertThat(info.key()).isEqualTo(artifact.key());
            assertThat(info.size()).isEqualTo(3 * MIB);
        });
        assertThat(store.size(bucket, artifact.key())).isEqualTo(3 * MIB);
    }

    @Test
    void missingObjectIsNotFound() {
        String missing = "sha256/" + "0".repeat(64);

        assertThat(store.stat(bucket, missing)).isEmpty();
        assertThatThrownBy(() -> store.open(bucket, missing))
                .isInstanceOfSatisfying(ObjectNotFoundException.class, e -> {
                    assertThat(e.bucket()).isEqualTo(bucket);
                    assertThat(e.key()).isEqualTo(missing);
                });
        assertThatThrownBy(() -> store.size(bucket, missing)).isInstanceOf(ObjectNotFoundException.class);
        store.delete(bucket, missing);
    }

    @Test
    void objectInABucketThatWasNeverCreatedIsNotFound() {
        String neverUsed = newOrganizationBucket();
        String key = "sha256/" + "1".repeat(64);

        assertThat(store.stat(neverUsed, key)).isEmpty();
        assertThatThrownBy(() -> store.open(neverUsed, key)).isInstanceOf(ObjectNotFoundException.class);
        assertThat(keys(neverUsed, "")).isEmpty();
        store.delete(neverUsed, key);
    }

    @Test
    void foreignBucketsAndPathWalkingKeysAreRefused() {
        assertThatThrownBy(() -> store.open("somebody-elses-bucket", artifact.key()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(bucket, "sha256/../uploads/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String contentDisposition(URI url) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Content-Disposition").orElseThrow();
    }
}
