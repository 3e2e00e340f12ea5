package io.slipway.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequiredSecretsTest {

    private final Map<String, String> config = new HashMap<>();

    @Test
    void nothingSetNamesEverySecret() {
        assertThat(RequiredSecrets.problems(this::lookup)).containsExactly(
                "SLIPWAY_CONSOLE_CLIENT_SECRET is not set",
                "SLIPWAY_PROVISIONER_CLIENT_SECRET is not set",
                "SLIPWAY_S3_ACCESS_KEY is not set",
                "SLIPWAY_S3_SECRET_KEY is not set",
                "SLIPWAY_KEYSTORE_PASSWORD is not set",
                "SLIPWAY_AUDIT_KEY is not set");
    }

    @Test
    void aDevOnlyValueIsNamedWithoutShowingIt() {
        setAll();
        config.put("slipway.s3.secret.key", "dev-only-s3-secret");
        config.put("slipway.keystore.password", "  ");
        config.put("slipway.console.client.secret", "${SLIPWAY_CONSOLE_CLIENT_SECRET}");

        assertThat(RequiredSecrets.problems(this::lookup)).containsExactly(
                "SLIPWAY_CONSOLE_CLIENT_SECRET is an unresolved placeholder",
                "SLIPWAY_S3_SECRET_KEY is the published dev-only value",
                "SLIPWAY_KEYSTORE_PASSWORD is not set");
    }

    @Test
    void realSecretsPass() {
        setAll();
        assertThat(RequiredSecrets.problems(this::lookup)).isEmpty();
    }

    @Test
    void localModeIsTheEmbeddedDatabaseWithNothingPublic() {
        assertThat(RunMode.of("h2", Optional.empty())).isEqualTo(RunMode.LOCAL);
        assertThat(RunMode.of(null, Optional.of("http://localhost:8080"))).isEqualTo(RunMode.LOCAL);
        assertThat(RunMode.of("h2", Optional.of("http://127.0.0.1:8080/"))).isEqualTo(RunMode.LOCAL);
        assertThat(RunMode.of("postgresql", Optional.empty())).isEqualTo(RunMode.PRODUCTION);
        assertThat(RunMode.of("PostgreSQL", Optional.of("http://localhost:8080"))).isEqualTo(RunMode.PRODUCTION);
        assertThat(RunMode.of("h2", Optional.of("https://ml.example.com"))).isEqualTo(RunMode.PRODUCTION);
        assertThat(RunMode.of("h2", Optional.of("http://localhost.example.com"))).isEqualTo(RunMode.PRODUCTION);
        assertThat(RunMode.of("h2", Optional.of("not a url"))).isEqualTo(RunMode.PRODUCTION);
    }

    private void setAll() {
        RequiredSecrets.ALL.forEach(secret -> config.put(secret.key(), "s3cr3t-" + secret.environment()));
    }

    private Optional<String> lookup(String key) {
        return Optional.ofNullable(config.get(key));
    }
}
