package io.slipway.console.signin;

import io.slipway.auth.oidc.SignedIn;
import io.slipway.health.IdentityProviderProbe;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The console's front door. Every response gets the {@link SecurityHeaders}. Everyone who is not signed in
 * is sent to the identity provider's login page before reaching the console; a signed-in person is re-checked
 * with the identity provider when due ({@link SessionRecheck}), and a sign-in that ended ends the console
 * session. The API, health, OpenAPI and the sign-in endpoints themselves are left alone.
 *
 * <p>A console page whose session ended keeps sending background requests. Vaadin's own (UI changes,
 * heartbeats and the server-push connection, {@code v-r=push}) go on to Vaadin, which knows no session for
 * them and answers "session expired", on which its client reloads the page (no notice: see ConsoleServlet)
 * and the reload arrives here and at the login page.
 * Every other request that is not a page load gets 401.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SignInFilter extends HttpFilter {

    private static final List<String> OPEN_PREFIXES = List.of("/api/", "/run-api/", "/errors/", "/signin/", "/signout", "/metrics",
            "/health", "/openapi");
    /** Vaadin's background requests, which it answers with "session expired" when it knows no session. */
    private static final Set<String> VAADIN_BACKGROUND_REQUESTS = Set.of("uidl", "heartbeat", "push");

    private final ConsoleSignIn signIn;
    private final IdentityProviderProbe identityProvider;
    private final ConsoleSessions sessions;
    private final SecurityHeaders headers;

    @Inject
    public SignInFilter(ConsoleSignIn signIn, IdentityProviderProbe identityProvider, ConsoleSessions sessions) {
        this.signIn = signIn;
        this.identityProvider = identityProvider;
        this.sessions = sessions;
        this.headers = new SecurityHeaders(signIn.flow().issuer());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers.apply(response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN_PREFIXES.stream().anyMatch(path::startsWith)
                || stillSignedIn(request.getSession(false), kind(request)) || isVaadinBackgroundRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!"GET".equals(request.getMethod()) || request.getParameter("v-r") != null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String returnTo = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (identityProvider.problem().isPresent()) {
            IdentityUnavailablePage.send(response, signIn.baseUrl(request) + (returnTo.startsWith("/") ? returnTo : "/"));
            return;
        }
        var pending = signIn.flow().begin(signIn.callbackUrl(request), returnTo);
        ConsoleSession.startSignIn(request.getSession(true), pending);
        response.sendRedirect(pending.authorizationUrl().toString());
    }

    private static boolean isVaadinBackgroundRequest(HttpServletRequest request) {
        String kind = request.getParameter("v-r");
        return kind != null && VAADIN_BACKGROUND_REQUESTS.contains(kind);
    }

    /** A navigation (a GET for a document: browsers say so in Sec-Fetch-Dest), a page's start, or else. */
    private static SessionRecheck.Request kind(HttpServletRequest request) {
        String kind = request.getParameter("v-r");
        if (kind != null) {
            return "init".equals(kind) ? SessionRecheck.Request.PAGE_START : SessionRecheck.Request.OTHER;
        }
        String destination = request.getHeader("Sec-Fetch-Dest");
        return "GET".equals(request.getMethod()) && (destination == null || "document".equals(destination))
                ? SessionRecheck.Request.PAGE_LOAD : SessionRecheck.Request.OTHER;
    }

    /** Whether the session is signed in, after re-checking with the identity provider when due; ends it if not. */
    private boolean stillSignedIn(HttpSession session, SessionRecheck.Request request) {
        Optional<SignedIn> current = ConsoleSession.signedIn(session);
        if (current.isEmpty()) {
            return false;
        }
        if (sessions.revoked(session)) {
            ConsoleSession.end(session); // a back-channel logout named it: it ends before this request goes anywhere
            return false;
        }
        try {
            synchronized (ConsoleSession.recheckLock(session)) {
                Optional<SignedIn> latest = ConsoleSession.signedIn(session);
                Optional<SignedIn> checked = latest.flatMap(signedIn -> signIn.recheck(signedIn, request));
                if (checked.isEmpty()) {
                    ConsoleSession.end(session);
                    return false;
                }
                if (checked.get() != latest.get()) {
                    ConsoleSession.update(session, checked.get());
                }
                return true;
            }
        } catch (IllegalStateException invalidated) {
            return false; // ended meanwhile (signed out, or a back-channel logout)
        }
    }
}
