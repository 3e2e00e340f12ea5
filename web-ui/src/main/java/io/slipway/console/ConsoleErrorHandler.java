package io.slipway.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

/**
 * Shows a failed console action the way the API would answer it: the problem's message for errors the user
 * can act on, an error id (and a log entry) for everything else.
 */
class ConsoleErrorHandler implements ErrorHandler {

    @Override
    public void error(ErrorEvent event) {
        String message = ConsoleProblems.describe(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }
}
