package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The "Request promotion" dialog: target stage, justification and the evidence preview; once sent, the stored
 * evidence with the gates' verdicts and a link to the request.
 */
public final class PromotionDialog {

    private final Page page;

    private PromotionDialog(Page page) {
        this.page = page;
    }

    static PromotionDialog expect(Page page) {
        PromotionDialog dialog = new PromotionDialog(page);
        assertThat(page.locator("#promotion-target")).isVisible();
        return dialog;
    }

    public PromotionDialog target(String stage) {
        page.locator("#promotion-target").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(stage)).click();
        assertThat(page.locator("#promotion-target vaadin-select-value-button")).hasText(stage);
        return this;
    }

    public PromotionDialog justify(String why) {
        page.locator("#promotion-justification textarea").fill(why);
        return this;
    }

    /** A cell of the preview's metrics table (metric | candidate | current holder | change). */
    public Locator previewMetricCell(String text) {
        return GridCells.withText(page.locator("#promotion-preview-metrics"), text);
    }

    /** The preview's column headers, e.g. "Candidate v2", "Current holder v1". */
    public Locator previewHeader(String text) {
        return page.locator("#promotion-preview-metrics vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text));
    }

    /** A cell of the preview's gates ("Gate | Must hold"). */
    public Locator previewGateCell(String text) {
        return GridCells.withText(page.locator("#promotion-preview-gates"), text);
    }

    public PromotionDialog send() {
        page.locator("#promotion-send:not([disabled])").click();
        assertThat(sent()).isVisible();
        return this;
    }

    /** "Request sent: scorer v2 → production is pending (0 of 1 approvals)." */
    public Locator sent() {
        return page.locator("#promotion-sent");
    }

    /** A cell of the stored evidence's gates (gate | verdict | reason | values read). */
    public Locator evidenceGateCell(String text) {
        return GridCells.withText(page.locator("#promotion-evidence-gates"), text);
    }

    /** Follows the link to the request's own page. */
    public PromotionRequestPage openRequest() {
        page.locator("#promotion-open-request").click();
        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
        return PromotionRequestPage.expect(page);
    }
}
