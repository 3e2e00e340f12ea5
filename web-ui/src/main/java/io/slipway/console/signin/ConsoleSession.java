package io.slipway.console.signin;

import io.slipway.auth.Caller;
import io.slipway.auth.oidc.SignInRequest;
import io.slipway.auth.oidc.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.function.Function;

/** What the console keeps in the HTTP session about signing in: the pending sign-in, then who signed in. */
public final class ConsoleSession {

    private static final String SIGNED_IN = "slipway.console.signedIn";
    private static final String PENDING = "slipway.console.pendingSignIn";

    private ConsoleSession() {
    }

    public static Optional<Caller> caller(HttpSession session) {
        return signedIn(session).map(SignedIn::caller);
    }

    /** The signed-in caller from any view of the session's attributes (Vaadin wraps the HTTP session). */
    public static Optional<Caller> caller(Function<String, Object> sessionAttributes) {
        return Optional.ofNullable((SignedIn) sessionAttributes.apply(SIGNED_IN)).map(SignedIn::caller);
    }

    static Optional<SignedIn> signedIn(HttpSession session) {
        return session == null ? Optional.empty() : Optional.ofNullable((SignedIn) session.getAttribute(SIGNED_IN));
    }

    static void signIn(HttpSession session, SignedIn signedIn) {
        session.removeAttribute(PENDING);
        session.setAttribute(SIGNED_IN, signedIn);
    }

    static void startSignIn(HttpSession session, SignInRequest pending) {
        session.setAttribute(PENDING, pending);
    }

    static Optional<SignInRequest> pendingSignIn(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((SignInRequest) session.getAttribute(PENDING));
    }
}
