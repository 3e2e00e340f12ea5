package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    private static final URI ENDPOINT = URI.create("http://127.0.0.1:9000");

    @Test
    void defaultsAreUsEast1AndTheSlipwayPrefix() {
        S3Settings settings = S3Settings.of(ENDPOINT, "access", "secret");

        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.bucketPrefix()).isEqualTo("slipway-");
    }

    @Test
    void toStringNeverShowsTheSecretKey() {
        assertThat(S3Settings.of(ENDPOINT, "access", "top-secret-value").toString())
                .contains("access").doesNotContain("top-secret-value");
    }

    @Test
    void prefixThatWouldMakeInvalidBucketNamesIsRejected() {
        assertThatThrownBy(() -> new S3Settings(ENDPOINT, null, "a", "s", "Slipway_"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3Settings(ENDPOINT, null, "a", "s", "x".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new S3Settings(ENDPOINT, null, "a", "s", "x".repeat(31)).bucketPrefix()).hasSize(31);
    }

    @Test
    void endpointMustBeAnHttpUrlWithoutAPath() {
        assertThatThrownBy(() -> S3Settings.of(URI.create("ftp://host"), "a", "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Settings.of(URI.create("http://host/bucket"), "a", "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(S3Settings.of(URI.create("https://s3.example.com/"), "a", "s").endpoint()).hasHost("s3.example.com");
    }

    @Test
    void missingCredentialsAreRejected() {
        assertThatThrownBy(() -> S3Settings.of(ENDPOINT, " ", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Settings.of(ENDPOINT, "a", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
