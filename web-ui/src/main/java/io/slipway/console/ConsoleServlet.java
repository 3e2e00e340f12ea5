package io.slipway.console;

import com.vaadin.cdi.CdiVaadinServlet;
import com.vaadin.flow.server.CustomizedSystemMessages;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;

/**
 * The console's Vaadin servlet, at the root. Declared explicitly (rather than left to Vaadin's automatic
 * registration) for asynchronous support and multipart uploads. With the multipart configuration the container
 * parses an upload and keeps the file in a temporary file (never in memory) before Vaadin's upload handler streams
 * it into the service. Without it, Vaadin would stream the request body itself, but Open Liberty then fails
 * {@code getParts()} with UnsupportedOperationException (SRVE8020E) where Vaadin expects the specification's
 * IllegalStateException, and Vaadin's streaming parser needs commons-fileupload2 2.0.0-M4, not the M5 the REST
 * API uses.
 *
 * <p>A console session that ends (signed out elsewhere, revoked, timed out) shows no "session expired" notice:
 * the client reloads the page at once, and the reload leads to the sign-in page.
 *
 * <p>The multipart configuration cannot carry the artifact limit (an annotation holds constants, the limit is
 * configured), so {@link ConsoleBodyLimit} refuses a body over it before the container spools a byte.
 */
@WebServlet(name = ConsoleServlet.NAME, urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1)
@MultipartConfig
public class ConsoleServlet extends CdiVaadinServlet {

    /** The servlet's name, which the filters of console requests are mapped to. */
    public static final String NAME = "slipway-console";

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        getService().addSessionInitListener(event -> event.getSession().setErrorHandler(new ConsoleErrorHandler()));
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        getService().setSystemMessagesProvider(info -> messages);
    }
}
