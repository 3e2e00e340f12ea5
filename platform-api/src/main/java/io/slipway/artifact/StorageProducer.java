package io.slipway.artifact;

import io.slipway.storage.ObjectStore;
import io.slipway.storage.S3Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The object store from configuration: {@code slipway.s3.endpoint}, {@code .region}, {@code .access.key},
 * {@code .secret.key}, {@code .bucket.prefix} (environment SLIPWAY_S3_ENDPOINT, SLIPWAY_S3_ACCESS_KEY, ...).
 * The defaults are the local mode's embedded store and its dev-only keys.
 */
@ApplicationScoped
public class StorageProducer {

    private final S3Settings settings;

    @Inject
    public StorageProducer(
            @ConfigProperty(name = "slipway.s3.endpoint", defaultValue = "http://127.0.0.1:9000") String endpoint,
            @ConfigProperty(name = "slipway.s3.region", defaultValue = "us-east-1") String region,
            @ConfigProperty(name = "slipway.s3.access.key", defaultValue = "slipway-dev") String accessKey,
            @ConfigProperty(name = "slipway.s3.secret.key", defaultValue = "dev-only-s3-secret") String secretKey,
            @ConfigProperty(name = "slipway.s3.bucket.prefix", defaultValue = "slipway-") String bucketPrefix) {
        this.settings = new S3Settings(URI.create(endpoint), region, accessKey, secretKey, bucketPrefix);
    }

    protected StorageProducer() {
        this.settings = null;
    }

    /** A singleton, not application-scoped: the store is a final class and needs no proxy. */
    @Produces
    @Singleton
    ObjectStore objectStore() {
        return new ObjectStore(settings);
    }

    void close(@Disposes ObjectStore store) {
        store.close();
    }
}
