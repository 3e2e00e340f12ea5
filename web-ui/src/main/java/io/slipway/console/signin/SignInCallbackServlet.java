package io.slipway.console.signin;

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

    @Inject
    public SignInCallbackServlet(ConsoleSignIn signIn) {
        this.signIn = signIn;
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
            String returnTo = pending.get().returnTo();
            response.sendRedirect(signIn.baseUrl(request) + (returnTo.startsWith("/") ? returnTo : "/"));
        } catch (SignInException e) {
            LOG.info(() -> "Console sign-in failed: " + e.getMessage());
            response.setContentType("text/plain;charset=UTF-8");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.getWriter().println("Sign-in failed: " + e.getMessage());
            response.getWriter().println("Open " + signIn.baseUrl(request) + "/ to try again.");
        }
    }
}
