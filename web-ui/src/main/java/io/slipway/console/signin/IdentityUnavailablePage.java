package io.slipway.console.signin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * What a person who wants to sign in sees while Keycloak does not answer: a page that says so (503, with
 * Retry-After), instead of a browser sent on to a login page that will not load.
 */
final class IdentityUnavailablePage {

    static final int RETRY_AFTER_SECONDS = 15;

    private IdentityUnavailablePage() {
    }

    static void send(HttpServletResponse response, String retryUrl) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter page = response.getWriter();
        page.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Slipway: identity service unavailable</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;color:#1f2a37}"
                + "a{color:#1a56db}</style></head><body>"
                + "<h1>Identity service unavailable</h1>"
                + "<p>Slipway cannot reach its identity service (Keycloak), so nobody can sign in right now. "
                + "API calls with tokens already issued keep working.</p>"
                + "<p><a id=\"retry\" href=\"" + escape(retryUrl) + "\">Try again</a> in a moment.</p>"
                + "</body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
