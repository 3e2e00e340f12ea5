package io.slipway.console.signin;

import io.slipway.auth.LogSafe;
import io.slipway.auth.oidc.IdentityUnavailableException;
import io.slipway.auth.oidc.SignInException;
import io.slipway.auth.oidc.SignInRequest;
import io.slipway.auth.oidc.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/** Where the identity provider sends the browser back: completes the sign-in and resumes where it began. */
@WebServlet(urlPatterns = ConsoleSignIn.CALLBACK_PATH)
public class SignInCallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SignInCallbackServlet.class.getName());

    private final ConsoleSignIn signIn;
    private final ConsoleSessions sessions;

    @Inject
    public SignInCallbackServlet(ConsoleSignIn signIn, ConsoleSessions sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Optional<SignInRequest> pending = ConsoleSession.pendingSignIn(session);
        if (pending.isEmpty()) {
            // an old or forged callback: start over
            response.sendRedirect(signIn.baseUrl(request) + "/");
            return;
        }
        try {
            SignedIn signedIn = signIn.flow().complete(pending.get(), request.getParameter("state"),
                    request.getParameter("code"), request.getParameter("error"));
            request.changeSessionId();
            ConsoleSession.signIn(session, signedIn);
            sessions.signedIn(session, signedIn);
            String returnTo = pending.get().returnTo();
            response.sendRedirect(signIn.baseUrl(request) + (returnTo.startsWith("/") ? returnTo : "/"));
        } catch (IdentityUnavailableException e) {
            LOG.warning(() -> "Console sign-in failed: " + LogSafe.of(e.getMessage()));
            IdentityUnavailablePage.send(response, signIn.baseUrl(request) + "/");
        } catch (SignInException e) {
            LOG.info(() -> "Console sign-in failed: " + LogSafe.of(e.getMessage()));
            answer(request, response, HttpServletResponse.SC_BAD_REQUEST, "Sign-in failed: " + LogSafe.of(e.getMessage()));
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setStatus(status);
        response.getWriter().println(message);
        response.getWriter().println("Open " + signIn.baseUrl(request) + "/ to try again.");
    }
}
