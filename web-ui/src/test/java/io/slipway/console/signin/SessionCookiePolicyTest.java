package io.slipway.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCookiePolicyTest {

    @Test
    void theSessionCookieIsSecureExactlyWhenThePublicUrlIsHttps() {
        assertThat(SessionCookiePolicy.servedOverHttps(Optional.of("https://slipway.example.com"))).isTrue();
        assertThat(SessionCookiePolicy.servedOverHttps(Optional.of(" HTTPS://slipway.example.com/ "))).isTrue();
        assertThat(SessionCookiePolicy.servedOverHttps(Optional.of("http://localhost:8080"))).isFalse();
        assertThat(SessionCookiePolicy.servedOverHttps(Optional.empty())).isFalse();
    }

    @Test
    void consolePagesMayBeFramedOnlyByTheConsoleAndPostFormsOnlyToItAndTheIdentityProvider() {
        String policy = new SecurityHeaders(URI.create("https://id.example.com/realms/slipway")).contentSecurityPolicy();

        assertThat(policy).contains("frame-ancestors 'self'", "form-action 'self' https://id.example.com",
                "object-src 'none'", "default-src 'self'");
    }
}
