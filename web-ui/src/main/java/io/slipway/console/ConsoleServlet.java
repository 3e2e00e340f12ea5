package io.slipway.console;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;

/**
 * The console's Vaadin servlet, at the root. Declared explicitly (rather than left to Vaadin's automatic
 * registration) for asynchronous support and multipart uploads.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1)
@MultipartConfig
public class ConsoleServlet extends CdiVaadinServlet {

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        getService().addSessionInitListener(event -> event.getSession().setErrorHandler(new ConsoleErrorHandler()));
    }
}
