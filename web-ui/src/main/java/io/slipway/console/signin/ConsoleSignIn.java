package io.slipway.console.signin;

import io.slipway.auth.oidc.AuthorizationCodeFlow;
import io.slipway.auth.oidc.OidcSettings;
import io.slipway.auth.oidc.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's OpenID Connect client, configured from MicroProfile Config: issuer (browser-facing realm
 * URL), back-channel URL, client id and secret, optionally the console's public URL (otherwise taken from
 * each request), and how often a signed-in person is re-checked with the identity provider
 * ({@code slipway.console.recheck}, environment {@code SLIPWAY_CONSOLE_RECHECK}, an ISO-8601 duration,
 * default {@code PT2M}).
 */
@ApplicationScoped
public class ConsoleSignIn {

    static final String CALLBACK_PATH = "/signin/callback";
    static final String BACKCHANNEL_LOGOUT_PATH = "/signin/backchannel-logout";
    static final String SIGN_OUT_PATH = "/signout";

    private final AuthorizationCodeFlow flow;
    private final Optional<String> publicUrl;
    private final SessionRecheck recheck;
    private final Clock clock;

    @Inject
    public ConsoleSignIn(
            @ConfigProperty(name = "slipway.keycloak.url", defaultValue = "http://127.0.0.1:8180") String keycloakUrl,
            @ConfigProperty(name = "slipway.keycloak.realm", defaultValue = "slipway") String realm,
            @ConfigProperty(name = "slipway.oidc.issuer") Optional<String> issuer,
            @ConfigProperty(name = "slipway.console.client.id", defaultValue = "slipway-console") String clientId,
            // dev-only default: the demo realm's secret; production sets SLIPWAY_CONSOLE_CLIENT_SECRET
            @ConfigProperty(name = "slipway.console.client.secret", defaultValue = "dev-only-console-secret")
            String clientSecret,
            @ConfigProperty(name = "slipway.public.url") Optional<String> publicUrl,
            @ConfigProperty(name = "slipway.console.recheck", defaultValue = "PT2M") Duration recheckInterval) {
        URI backChannel = URI.create(trim(keycloakUrl) + "/realms/" + realm);
        URI browserFacing = issuer.map(ConsoleSignIn::trim).map(URI::create).orElse(backChannel);
        this.flow = new AuthorizationCodeFlow(new OidcSettings(browserFacing, backChannel, clientId, clientSecret));
        this.publicUrl = publicUrl.map(ConsoleSignIn::trim).filter(u -> !u.isBlank());
        this.clock = Clock.systemUTC();
        this.recheck = new SessionRecheck(recheckInterval, flow::refresh);
    }

    protected ConsoleSignIn() {
        this.flow = null;
        this.publicUrl = Optional.empty();
        this.recheck = null;
        this.clock = null;
    }

    AuthorizationCodeFlow flow() {
        return flow;
    }

    /** The sign-in as the identity provider vouches for it now (re-checked when due), or empty if it ended. */
    Optional<SignedIn> recheck(SignedIn current, SessionRecheck.Request request) {
        return recheck.check(current, clock.instant(), request);
    }

    /** The console's base URL as the browser sees it, e.g. {@code http://localhost:8080}. */
    URI baseUrl(HttpServletRequest request) {
        return URI.create(publicUrl.orElseGet(() -> {
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
                    + request.getContextPath();
        }));
    }

    URI callbackUrl(HttpServletRequest request) {
        return URI.create(baseUrl(request) + CALLBACK_PATH);
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
