package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** A project's Promotions page: the requests (pending by default), each opening to its own page. */
public final class PromotionsInbox {

    private final Page page;
    private final Locator inbox;

    private PromotionsInbox(Page page) {
        this.page = page;
        this.inbox = page.locator("#promotions-inbox");
    }

    static PromotionsInbox expect(Page page) {
        PromotionsInbox inbox = new PromotionsInbox(page);
        assertThat(inbox.inbox).isVisible();
        return inbox;
    }

    /** A cell of the inbox showing exactly this text ("scorer v2", "bob", a justification, …). */
    public Locator cell(String text) {
        return GridCells.withText(inbox, text);
    }

    /** "1 waiting" or "nothing waiting". */
    public Locator pendingCount() {
        return page.locator("#promotions-pending-count");
    }

    /** Chooses which requests to show: "Pending", "Approved", …, "All, pending first". */
    public PromotionsInbox show(String choice) {
        page.locator("#promotions-state").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(choice)).click();
        assertThat(page.locator("#promotions-state vaadin-select-value-button")).hasText(choice);
        return this;
    }

    /** Opens the request shown with this text ("scorer v2"). */
    public PromotionRequestPage open(String text) {
        cell(text).click();
        return PromotionRequestPage.expect(page);
    }
}
