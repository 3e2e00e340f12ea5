package io.slipway.storage;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the object store is and how to sign in to it.
 *
 * @param endpoint     the S3 API's base URL, {@code http} or {@code https}, without a path (for example
 *                     {@code http://127.0.0.1:9000} or {@code https://s3.eu-central-1.amazonaws.com})
 * @param region       the region requests are signed for; blank means {@code us-east-1}, which MinIO and
 *                     S3Proxy accept. Set it for AWS so that no request has to look it up.
 * @param accessKey    the access key id
 * @param secretKey    the secret key; {@link #toString()} never shows it
 * @param bucketPrefix what every organization's bucket name starts with; {@code null} means
 *                     {@value #DEFAULT_BUCKET_PREFIX}. Lowercase letters, digits and hyphens, at most
 *                     {@value #MAX_BUCKET_PREFIX_LENGTH} characters, so that the bucket names stay valid.
 */
public record S3Settings(URI endpoint, String region, String accessKey, String secretKey, String bucketPrefix) {

    public static final String DEFAULT_BUCKET_PREFIX = "slipway-";
    public static final String DEFAULT_REGION = "us-east-1";
    /** 63 (longest bucket name) minus the 32 hex digits of an organization id. */
    public static final int MAX_BUCKET_PREFIX_LENGTH = 31;

    private static final Pattern BUCKET_PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("The S3 endpoint must be an http or https URL with a host: " + endpoint);
        }
        if (endpoint.getRawPath() != null && !endpoint.getRawPath().isEmpty() && !endpoint.getRawPath().equals("/")
                || endpoint.getRawQuery() != null) {
            throw new IllegalArgumentException("The S3 endpoint must not have a path or query: " + endpoint);
        }
        region = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("The S3 access key is missing");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("The S3 secret key is missing");
        }
        bucketPrefix = bucketPrefix == null ? DEFAULT_BUCKET_PREFIX : bucketPrefix;
        if (!BUCKET_PREFIX.matcher(bucketPrefix).matches()) {
            throw new IllegalArgumentException("The bucket prefix must be 1 to " + MAX_BUCKET_PREFIX_LENGTH
                    + " lowercase letters, digits or hyphens, starting with a letter or digit: '" + bucketPrefix + "'");
        }
    }

    /** Settings with the default region and bucket prefix. */
    public static S3Settings of(URI endpoint, String accessKey, String secretKey) {
        return new S3Settings(endpoint, null, accessKey, secretKey, null);
    }

    /** Shows everything but the secret key. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey
                + ", secretKey=***, bucketPrefix=" + bucketPrefix + "]";
    }
}
