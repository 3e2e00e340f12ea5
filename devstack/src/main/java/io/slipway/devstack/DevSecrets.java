package io.slipway.devstack;

import java.util.Map;

/**
 * The dev-only client secrets of the local mode and the test suites, published in this repository and
 * therefore worthless anywhere else. The realm template has no defaults for secrets: whoever starts a
 * {@link KeycloakServer} passes these (or real ones) explicitly, and the Slipway server started beside it gets
 * the same values.
 */
public final class DevSecrets {

    /** Environment variable of the {@code slipway-console} client secret, for Keycloak and the server alike. */
    public static final String CONSOLE_CLIENT_SECRET_VARIABLE = "SLIPWAY_CONSOLE_CLIENT_SECRET";
    /** Environment variable of the {@code slipway-provisioner} client secret, for Keycloak and the server alike. */
    public static final String PROVISIONER_CLIENT_SECRET_VARIABLE = "SLIPWAY_PROVISIONER_CLIENT_SECRET";

    public static final String CONSOLE_CLIENT_SECRET = "dev-only-console-secret";
    public static final String PROVISIONER_CLIENT_SECRET = "dev-only-provisioner-secret";

    private DevSecrets() {
    }

    /**
     * The two client secrets by variable name: the value in {@code env} where one is set, the dev-only one
     * otherwise.
     */
    public static Map<String, String> clientSecrets(Map<String, String> env) {
        return Map.of(
                CONSOLE_CLIENT_SECRET_VARIABLE, valueOr(env, CONSOLE_CLIENT_SECRET_VARIABLE, CONSOLE_CLIENT_SECRET),
                PROVISIONER_CLIENT_SECRET_VARIABLE, valueOr(env, PROVISIONER_CLIENT_SECRET_VARIABLE, PROVISIONER_CLIENT_SECRET));
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
