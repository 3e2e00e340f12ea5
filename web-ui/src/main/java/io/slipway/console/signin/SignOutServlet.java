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

/**
 * Ends the console session and the identity provider's, then comes back to the console (and its login).
 * Signing out is a POST from the console's own pages: one from another site is refused (and carries no
 * session cookie anyway, which is SameSite=Lax), and a GET only shows a page with the sign-out button, so no
 * link or image elsewhere can sign anyone out.
 */
@WebServlet(urlPatterns = ConsoleSignIn.SIGN_OUT_PATH)
public class SignOutServlet extends HttpServlet {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign out of Slipway</title></head>
            <body><form method="post" action="%s"><button id="sign-out" type="submit">Sign out of Slipway</button></form>
            </body></html>
            """;

    private final ConsoleSignIn signIn;

    @Inject
    public SignOutServlet(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().print(PAGE.formatted(request.getContextPath() + ConsoleSignIn.SIGN_OUT_PATH));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (crossSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().println("Signing out is only possible from the console's own pages.");
            return;
        }
        HttpSession session = request.getSession(false);
        String idToken = ConsoleSession.signedIn(session).map(SignedIn::idToken).orElse(null);
        if (session != null) {
            ConsoleSession.end(session);
        }
        URI afterwards = URI.create(signIn.baseUrl(request) + "/");
        response.sendRedirect(signIn.flow().signOutUrl(idToken, afterwards).toString());
    }

    /** Whether the browser says the form was sent from another site (Fetch Metadata, else Origin). */
    private boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !"same-origin".equals(fetchSite) && !"none".equals(fetchSite);
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        URI base = signIn.baseUrl(request);
        return !origin.equals(base.getScheme() + "://" + base.getAuthority());
    }
}
