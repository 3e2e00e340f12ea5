package io.slipway.console.signin;

import io.slipway.auth.oidc.SignedIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;

/** Ends the console session and the identity provider's, then comes back to the console (and its login). */
@WebServlet(urlPatterns = ConsoleSignIn.SIGN_OUT_PATH)
public class SignOutServlet extends HttpServlet {

    private final ConsoleSignIn signIn;

    @Inject
    public SignOutServlet(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String idToken = ConsoleSession.signedIn(session).map(SignedIn::idToken).orElse(null);
        if (session != null) {
            session.invalidate();
        }
        URI afterwards = URI.create(signIn.baseUrl(request) + "/");
        response.sendRedirect(signIn.flow().signOutUrl(idToken, afterwards).toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
