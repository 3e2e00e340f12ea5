package io.slipway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether Keycloak's realm answers the server (within two seconds; the answer is remembered for a few), for
 * readiness and for the console's sign-in, which shows a page saying so instead of sending a browser to a
 * login page that will not load.
 */
@ApplicationScoped
public class IdentityProviderProbe {

    private final URI realm;
    private final HttpClient http;
    private final Probes probes;

    @Inject
    public IdentityProviderProbe(
            @ConfigProperty(name = "slipway.keycloak.url", defaultValue = "http://127.0.0.1:8180") String keycloakUrl,
            @ConfigProperty(name = "slipway.keycloak.realm", defaultValue = "slipway") String realm) {
        this.realm = keycloakUrl == null ? null : URI.create(keycloakUrl.replaceAll("/+$", "") + "/realms/" + realm);
        this.http = HttpClient.newBuilder().connectTimeout(Probes.PROBE_TIMEOUT).build();
        this.probes = new Probes(this::probe, Clock.systemUTC());
    }

    protected IdentityProviderProbe() {
        this(null, null);
    }

    /** Empty while Keycloak answers, else what is wrong. */
    public Optional<String> problem() {
        return probes.problem();
    }

    private Optional<String> probe() {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(realm).timeout(Probes.PROBE_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200 ? Optional.empty()
                    : Optional.of("answered " + answer.statusCode() + " for " + realm);
        } catch (IOException e) {
            return Optional.of("unreachable at " + realm);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing " + realm);
        }
    }
}
