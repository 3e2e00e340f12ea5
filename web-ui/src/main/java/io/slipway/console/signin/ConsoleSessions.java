package io.slipway.console.signin;

import io.slipway.auth.oidc.LogoutNotice;
import io.slipway.auth.oidc.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in console sessions of this server, by the identity provider's session, so that a back-channel
 * logout can end them at once. A logout that reaches another replica finds nothing here; the sessions it
 * names end at their next re-check instead (the identity provider refuses to refresh them).
 *
 * <p>A logout marks the sessions it names as revoked before it ends them, and the {@link SignInFilter} ends a
 * revoked session on its next request whatever else happened: the ending itself runs under the console
 * session's own lock ({@link ConsoleSession#endFromElsewhere}), never blocking the identity provider's call.
 */
@ApplicationScoped
public class ConsoleSessions {

    private final Map<String, Registered> byHttpSession = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    private record Registered(HttpSession session, String identitySession, String subject) {
    }

    /** Remembers a session that has just signed in. */
    void signedIn(HttpSession session, SignedIn signedIn) {
        byHttpSession.put(session.getId(), new Registered(session, signedIn.sessionId(), signedIn.caller().userId()));
    }

    /** Forgets a session that ended. */
    void ended(HttpSession session) {
        byHttpSession.remove(session.getId());
        revoked.remove(session.getId());
    }

    /** Whether a logout named this session (which then must not serve another request). */
    boolean revoked(HttpSession session) {
        return revoked.contains(session.getId());
    }

    /**
     * Ends every console session the notice names: those of its identity-provider session, or, when it names
     * none, every session of its subject.
     *
     * @return how many sessions ended
     */
    int end(LogoutNotice notice) {
        List<Registered> named = byHttpSession.values().stream()
                .filter(r -> notice.sessionId() != null
                        ? notice.sessionId().equals(r.identitySession())
                        : notice.subject().equals(r.subject()))
                .toList();
        named.forEach(r -> {
            revoked.add(r.session().getId());
            byHttpSession.remove(r.session().getId());
            ConsoleSession.endFromElsewhere(r.session());
        });
        return named.size();
    }
}
