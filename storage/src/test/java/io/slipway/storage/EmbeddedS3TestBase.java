package io.slipway.storage;

import io.slipway.devstack.EmbeddedS3;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs one real S3 server (S3Proxy on the file system, in its own process) for the test class, on a free
 * port, and an {@link ObjectStore} on it. Each test uses buckets of fresh organizations, so tests never see
 * each other's objects.
 */
abstract class EmbeddedS3TestBase {

    static final int MIB = 1024 * 1024;

    @TempDir
    static Path s3Dir;
    static EmbeddedS3 s3;
    static ObjectStore store;

    @BeforeAll
    static void startS3() {
        s3 = EmbeddedS3.on(freePort(), s3Dir, s3Dir.resolve("s3.log")).start();
        store = new ObjectStore(settings());
    }

    @AfterAll
    static void stopS3() {
        if (store != null) {
            store.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    static S3Settings settings() {
        return S3Settings.of(URI.create(s3.endpoint()), EmbeddedS3.DEV_ACCESS_KEY, EmbeddedS3.DEV_SECRET_KEY);
    }

    /** The bucket of an organization that has never stored anything. */
    static String newOrganizationBucket() {
        return store.bucketFor(UUID.randomUUID());
    }

    static List<String> keys(String bucket, String prefix) {
        try (Stream<ObjectInfo> objects = store.list(bucket, prefix)) {
            return objects.map(ObjectInfo::key).toList();
        }
    }

    static String sha256Of(InputStream in) {
        try (DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digesting.transferTo(OutputStreams.NULL);
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
