package io.slipway.console;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;

/**
 * The console's page shell. Server push keeps open screens current (the promotion inbox shows a request made
 * elsewhere as it arrives): changes travel to the browser over a WebSocket, the browser's own requests stay
 * ordinary XHRs (so they pass the same filters as without push, and the sign-in re-check sees them), and a
 * browser or proxy without WebSockets falls back to long polling.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET_XHR)
public class ConsoleShell implements AppShellConfigurator {
}
