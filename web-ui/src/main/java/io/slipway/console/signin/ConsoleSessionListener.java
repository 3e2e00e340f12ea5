package io.slipway.console.signin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Keeps {@link ConsoleSessions} free of sessions that ended (signed out, timed out, invalidated). */
@WebListener
public class ConsoleSessionListener implements HttpSessionListener {

    private final ConsoleSessions sessions;

    @Inject
    public ConsoleSessionListener(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.ended(event.getSession());
    }
}
