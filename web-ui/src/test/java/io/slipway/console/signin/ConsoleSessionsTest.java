package io.slipway.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.auth.Caller;
import io.slipway.auth.oidc.LogoutNotice;
import io.slipway.auth.oidc.SignedIn;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {

    private final ConsoleSessions sessions = new ConsoleSessions();

    @Test
    void aBackChannelLogoutEndsTheConsoleSessionsOfThatIdentitySessionOnly() {
        FakeSession bobsLaptop = signedIn("h-1", "user-bob", "kc-1");
        FakeSession bobsPhone = signedIn("h-2", "user-bob", "kc-2");
        FakeSession alices = signedIn("h-3", "user-alice", "kc-3");

        int ended = sessions.end(new LogoutNotice("kc-1", "user-bob"));

        assertThat(ended).isEqualTo(1);
        assertThat(bobsLaptop.invalidated).isTrue();
        assertThat(bobsPhone.invalidated).isFalse();
        assertThat(alices.invalidated).isFalse();
    }

    @Test
    void aSessionALogoutNamedStaysRevokedUntilItHasEnded() {
        FakeSession bobs = signedIn("h-1", "user-bob", "kc-1");
        FakeSession alices = signedIn("h-3", "user-alice", "kc-3");

        sessions.end(new LogoutNotice("kc-1", null));

        assertThat(sessions.revoked(bobs)).isTrue();
        assertThat(sessions.revoked(alices)).isFalse();
        sessions.ended(bobs);
        assertThat(sessions.revoked(bobs)).isFalse();
    }

    @Test
    void aLogoutNamingOnlyTheSubjectEndsEveryConsoleSessionOfThatPerson() {
        FakeSession bobsLaptop = signedIn("h-1", "user-bob", "kc-1");
        FakeSession bobsPhone = signedIn("h-2", "user-bob", "kc-2");
        FakeSession alices = signedIn("h-3", "user-alice", "kc-3");

        assertThat(sessions.end(new LogoutNotice(null, "user-bob"))).isEqualTo(2);
        assertThat(bobsLaptop.invalidated).isTrue();
        assertThat(bobsPhone.invalidated).isTrue();
        assertThat(alices.invalidated).isFalse();
    }

    @Test
    void aSessionThatEndedIsForgotten() {
        FakeSession session = signedIn("h-1", "user-bob", "kc-1");
        sessions.ended(session);

        assertThat(sessions.end(new LogoutNotice("kc-1", null))).isZero();
        assertThat(session.invalidated).isFalse();
    }

    @Test
    void aSessionAlreadyInvalidatedElsewhereIsNoError() {
        FakeSession session = signedIn("h-1", "user-bob", "kc-1");
        session.invalidate();

        assertThat(sessions.end(new LogoutNotice("kc-1", null))).isEqualTo(1);
    }

    private FakeSession signedIn(String id, String subject, String identitySession) {
        FakeSession session = new FakeSession(id);
        sessions.signedIn(session, new SignedIn(new Caller(subject, subject, Set.of()), "id-token", "refresh",
                identitySession, Instant.MAX, Instant.EPOCH));
        return session;
    }

    /** Just enough of an HTTP session: an id, attributes, and invalidation as the servlet specification has it. */
    private static final class FakeSession implements HttpSession {

        private final String id;
        private final Map<String, Object> attributes = new HashMap<>();
        private boolean invalidated;

        FakeSession(String id) {
            this.id = id;
        }

        @Override
        public void invalidate() {
            if (invalidated) {
                throw new IllegalStateException("already invalidated");
            }
            invalidated = true;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public long getCreationTime() {
            return 0;
        }

        @Override
        public long getLastAccessedTime() {
            return 0;
        }

        @Override
        public ServletContext getServletContext() {
            return null;
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
        }

        @Override
        public int getMaxInactiveInterval() {
            return 0;
        }

        @Override
        public boolean isNew() {
            return false;
        }
    }
}
