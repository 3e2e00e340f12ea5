package io.slipway.identity;

import io.slipway.auth.directory.IdentityDirectory;
import io.slipway.auth.directory.KeycloakDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Keycloak directory, configured by {@code slipway.keycloak.url}, {@code slipway.keycloak.realm} and the
 * provisioner client's id and secret (environment: SLIPWAY_KEYCLOAK_URL, SLIPWAY_PROVISIONER_CLIENT_SECRET).
 */
@ApplicationScoped
public class DirectoryProducer {

    private final String keycloakUrl;
    private final String realm;
    private final String clientId;
    private final String clientSecret;

    @Inject
    public DirectoryProducer(
            @ConfigProperty(name = "slipway.keycloak.url", defaultValue = "http://127.0.0.1:8180") String keycloakUrl,
            @ConfigProperty(name = "slipway.keycloak.realm", defaultValue = "slipway") String realm,
            @ConfigProperty(name = "slipway.provisioner.client.id", defaultValue = "slipway-provisioner")
            String clientId,
            // dev-only default: the demo realm's secret; production sets SLIPWAY_PROVISIONER_CLIENT_SECRET
            @ConfigProperty(name = "slipway.provisioner.client.secret", defaultValue = "dev-only-provisioner-secret")
            String clientSecret) {
        this.keycloakUrl = keycloakUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    protected DirectoryProducer() {
        this(null, null, null, null);
    }

    @Produces
    @ApplicationScoped
    IdentityDirectory directory() {
        return new KeycloakDirectory(URI.create(keycloakUrl), realm, clientId, clientSecret);
    }
}
