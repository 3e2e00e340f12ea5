package io.slipway.console.signin;

import com.vaadin.flow.server.VaadinSession;
import io.slipway.auth.Caller;
import io.slipway.auth.oidc.SignInRequest;
import io.slipway.auth.oidc.SignedIn;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Function;

/** What the console keeps in the HTTP session about signing in: the pending sign-in, then who signed in. */
public final class ConsoleSession {

    private static final String SIGNED_IN = "slipway.console.signedIn";
    private static final String PENDING = "slipway.console.pendingSignIn";
    private static final String RECHECK_LOCK = "slipway.console.recheckLock";

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
        try {
            return session == null ? Optional.empty() : Optional.ofNullable((SignedIn) session.getAttribute(SIGNED_IN));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    static void signIn(HttpSession session, SignedIn signedIn) {
        session.removeAttribute(PENDING);
        session.setAttribute(RECHECK_LOCK, new RecheckLock());
        session.setAttribute(SIGNED_IN, signedIn);
    }

    /** The same sign-in as re-checked with the identity provider. */
    static void update(HttpSession session, SignedIn checked) {
        session.setAttribute(SIGNED_IN, checked);
    }

    /** What re-checks of this session synchronize on, so that parallel requests refresh once. */
    static Object recheckLock(HttpSession session) {
        Object lock = session.getAttribute(RECHECK_LOCK);
        return lock != null ? lock : session.getId().intern();
    }

    static void startSignIn(HttpSession session, SignInRequest pending) {
        session.setAttribute(PENDING, pending);
    }

    static Optional<SignInRequest> pendingSignIn(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((SignInRequest) session.getAttribute(PENDING));
    }

    /**
     * Ends the console session, from a request of its own; an already invalidated one stays so. With a Vaadin
     * session inside, the invalidation holds that session's lock, as Vaadin's own requests do before they touch
     * the HTTP session: invalidating first takes the servlet container's session lock (Liberty synchronizes on
     * the session) and then Vaadin's, closing the UIs and their push connections, the reverse order, which can
     * deadlock with a push connection closing at the same time (vaadin/flow#24129).
     */
    static void end(HttpSession session) {
        Optional<VaadinSession> vaadin = vaadinSession(session);
        if (vaadin.isEmpty()) {
            invalidate(session);
            return;
        }
        vaadin.get().lock();
        try {
            invalidate(session);
        } finally {
            vaadin.get().unlock();
        }
    }

    /**
     * Ends the console session from a thread that serves none of its requests (a back-channel logout), without
     * waiting: the invalidation runs under the Vaadin session's lock as soon as it is free, here or in whichever
     * request or push holds it (see {@link #end}).
     */
    static void endFromElsewhere(HttpSession session) {
        Optional<VaadinSession> vaadin = vaadinSession(session);
        if (vaadin.isPresent()) {
            vaadin.get().access(() -> invalidate(session));
        } else {
            invalidate(session);
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // ended by another request or by a back-channel logout meanwhile
        }
    }

    private static Optional<VaadinSession> vaadinSession(HttpSession session) {
        try {
            return Collections.list(session.getAttributeNames()).stream()
                    .map(session::getAttribute)
                    .filter(VaadinSession.class::isInstance)
                    .map(VaadinSession.class::cast)
                    .findFirst();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    private static final class RecheckLock implements Serializable {
    }
}
