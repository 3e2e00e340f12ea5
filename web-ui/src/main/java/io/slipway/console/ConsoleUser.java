package io.slipway.console;

import com.vaadin.flow.server.VaadinSession;
import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.console.signin.ConsoleSession;

/** The person signed in to the current console session. */
public final class ConsoleUser {

    private ConsoleUser() {
    }

    public static Caller current() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            throw ProblemException.unauthorized("Not signed in to the console.");
        }
        return ConsoleSession.caller(session.getSession()::getAttribute)
                .orElseThrow(() -> ProblemException.unauthorized("Not signed in to the console."));
    }
}
