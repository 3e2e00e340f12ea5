package io.slipway.console.signin;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;

/**
 * The response headers that keep the console's pages where they belong: a Content-Security-Policy that lets
 * the page load scripts, styles, images and connections only from the console itself and be framed only by
 * it (Vaadin's client needs inline styles, inline bootstrap scripts and {@code eval}), no content-type
 * sniffing, and no Referer to other sites.
 */
final class SecurityHeaders {

    private final String contentSecurityPolicy;

    /** @param identityProvider the identity provider's browser-facing URL: sign-out forms end there */
    SecurityHeaders(URI identityProvider) {
        this.contentSecurityPolicy = String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self' " + origin(identityProvider),
                "frame-ancestors 'self'");
    }

    void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    private static String origin(URI url) {
        int port = url.getPort();
        return url.getScheme() + "://" + url.getHost() + (port < 0 ? "" : ":" + port);
    }
}
