package io.slipway.it.console.pages;

import com.microsoft.playwright.Page;

/** The Vaadin client in the page: whether it still has requests to the server under way. */
final class VaadinClient {

    private static final String IDLE = "() => Object.values(window.Vaadin?.Flow?.clients ?? {})"
            + ".every(client => !client.isActive || !client.isActive())";

    private VaadinClient() {
    }

    /**
     * Waits until the server has everything typed so far (each field's value travels in its own request). An
     * upload is a separate request: sent earlier, it could reach the server before the form's last values.
     */
    static void awaitIdle(Page page) {
        page.waitForFunction(IDLE);
    }
}
