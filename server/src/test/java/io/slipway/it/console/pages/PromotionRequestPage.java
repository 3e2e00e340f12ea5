package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * One promotion request's page: what and why, the evidence, the decisions, and Approve / Reject (Approve disabled
 * with the reason when the person may not approve).
 */
public final class PromotionRequestPage {

    private final Page page;

    private PromotionRequestPage(Page page) {
        this.page = page;
    }

    static PromotionRequestPage expect(Page page) {
        PromotionRequestPage request = new PromotionRequestPage(page);
        assertThat(page.locator("#request-title")).isVisible();
        return request;
    }

    /** "scorer v2 → production" */
    public Locator title() {
        return page.locator("#request-title");
    }

    /** The state badge: pending, approved, rejected or superseded. */
    public Locator state() {
        return page.locator("#request-state");
    }

    public Locator justification() {
        return page.locator("#request-justification");
    }

    /** A cell of the evidence's metrics (metric | candidate | current holder | change). */
    public Locator metricCell(String text) {
        return GridCells.withText(page.locator("#request-evidence-metrics"), text);
    }

    /** A cell of the evidence's gates (gate | verdict | reason | values read). */
    public Locator gateCell(String text) {
        return GridCells.withText(page.locator("#request-evidence-gates"), text);
    }

    public Locator approveButton() {
        return page.locator("#approve");
    }

    /** Why the person may not approve, shown beside the disabled button. */
    public Locator refusal() {
        return page.locator("#approve-refusal");
    }

    /** The decisions so far: "approved by carol · …: “comment”". */
    public Locator decisions() {
        return page.locator("#request-decisions li");
    }

    public PromotionRequestPage approve(String comment) {
        page.locator("#decision-comment textarea").fill(comment);
        VaadinClient.awaitIdle(page);
        page.locator("#approve:not([disabled])").click();
        return this;
    }
}
