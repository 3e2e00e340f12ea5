package io.slipway.console.signin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Sends everyone who is not signed in to the identity provider's login page before they reach the console.
 * The API, health, OpenAPI and the sign-in endpoints themselves are left alone. Background requests of an
 * expired console session (not page loads) get 401, which Vaadin shows as "session expired".
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SignInFilter extends HttpFilter {

    private static final List<String> OPEN_PREFIXES = List.of("/api/", "/errors/", "/signin/", "/signout",
            "/health", "/openapi");

    private final ConsoleSignIn signIn;

    @Inject
    public SignInFilter(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN_PREFIXES.stream().anyMatch(path::startsWith)
                || ConsoleSession.caller(request.getSession(false)).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        if (!"GET".equals(request.getMethod()) || request.getParameter("v-r") != null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String returnTo = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        var pending = signIn.flow().begin(signIn.callbackUrl(request), returnTo);
        ConsoleSession.startSignIn(request.getSession(true), pending);
        response.sendRedirect(pending.authorizationUrl().toString());
    }
}
