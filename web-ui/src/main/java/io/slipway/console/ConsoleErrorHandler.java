package io.slipway.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import io.slipway.api.ProblemException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shows a failed console action the way the API would answer it: the problem's message for errors the user
 * can act on, an error id (and a log entry) for everything else.
 */
class ConsoleErrorHandler implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(ConsoleErrorHandler.class.getName());

    @Override
    public void error(ErrorEvent event) {
        String message = problemOf(event.getThrowable())
                .map(ProblemException::getMessage)
                .orElseGet(() -> {
                    String errorId = UUID.randomUUID().toString();
                    LOG.log(Level.SEVERE, "Console action failed with error id " + errorId, event.getThrowable());
                    return "Something went wrong. Quote error id " + errorId + " when reporting it.";
                });
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }

    private static java.util.Optional<ProblemException> problemOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return java.util.Optional.of(problem);
            }
        }
        return java.util.Optional.empty();
    }
}
