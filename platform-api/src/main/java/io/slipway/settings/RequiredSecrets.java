package io.slipway.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The secrets a production server must be given, each with the dev-only value the local mode falls back to.
 * {@link #problems} names every one that is missing or still that published value.
 */
public final class RequiredSecrets {

    /** One secret: its configuration key, the environment variable that sets it, its dev-only default. */
    public record Secret(String key, String environment, String devOnlyValue) {
    }

    public static final List<Secret> ALL = List.of(
            new Secret("slipway.console.client.secret", "SLIPWAY_CONSOLE_CLIENT_SECRET", "dev-only-console-secret"),
            new Secret("slipway.provisioner.client.secret", "SLIPWAY_PROVISIONER_CLIENT_SECRET",
                    "dev-only-provisioner-secret"),
            new Secret("slipway.s3.access.key", "SLIPWAY_S3_ACCESS_KEY", "slipway-dev"),
            new Secret("slipway.s3.secret.key", "SLIPWAY_S3_SECRET_KEY", "dev-only-s3-secret"),
            new Secret("slipway.keystore.password", "SLIPWAY_KEYSTORE_PASSWORD", "dev-only-keystore-password"),
            new Secret("slipway.audit.key", "SLIPWAY_AUDIT_KEY", io.slipway.audit.AuditSigning.DEV_ONLY_KEY));

    private RequiredSecrets() {
    }

    /**
     * What is wrong with the configured values ({@code lookup} gives a key's value, empty when unset), one
     * line per secret, naming its environment variable and never its value; empty when all are set.
     */
    public static List<String> problems(Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        for (Secret secret : ALL) {
            Optional<String> value = lookup.apply(secret.key()).map(String::strip).filter(v -> !v.isEmpty());
            if (value.isEmpty()) {
                problems.add(secret.environment() + " is not set");
            } else if (value.get().equals(secret.devOnlyValue()) || value.get().startsWith("dev-only")) {
                problems.add(secret.environment() + " is the published dev-only value");
            } else if (value.get().startsWith("${")) {
                problems.add(secret.environment() + " is an unresolved placeholder");
            }
        }
        return problems;
    }
}
