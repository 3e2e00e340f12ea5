package io.slipway.console.signin;

import io.slipway.auth.LogSafe;
import io.slipway.auth.oidc.LogoutNotice;
import io.slipway.auth.oidc.SignInException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * OpenID Connect Back-Channel Logout 1.0: the identity provider posts a signed logout token here when a
 * session ends on its side (sign-out elsewhere, an administrator revoking sessions or disabling the account),
 * and the console sessions of that identity session end at once. The token is verified like every other
 * token ({@link io.slipway.auth.oidc.TokenVerifier#logoutToken}); a token that fails gets 400.
 */
@WebServlet(urlPatterns = ConsoleSignIn.BACKCHANNEL_LOGOUT_PATH)
public class BackChannelLogoutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(BackChannelLogoutServlet.class.getName());

    private final ConsoleSignIn signIn;
    private final ConsoleSessions sessions;

    @Inject
    public BackChannelLogoutServlet(ConsoleSignIn signIn, ConsoleSessions sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        try {
            LogoutNotice notice = signIn.flow().logoutNotice(request.getParameter("logout_token"));
            int ended = sessions.end(notice);
            LOG.info(() -> "Back-channel logout of identity session " + LogSafe.of(notice.sessionId())
                    + " (subject " + LogSafe.of(notice.subject()) + ") ended " + ended + " console session(s)");
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (SignInException e) {
            LOG.warning(() -> "Refused a back-channel logout: " + LogSafe.of(e.getMessage()));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getWriter().print("{\"error\":\"invalid_request\"}");
        }
    }
}
