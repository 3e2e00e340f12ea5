package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A project's page: its name, the signed-in person's role, and the Datasets and Models tabs.
 */
public final class ProjectPage {

    private final Page page;
    private final Locator title;

    private ProjectPage(Page page) {
        this.page = page;
        this.title = page.locator("#project-title");
    }

    /** Opens the project from the console's home, by clicking it in the organization's projects. */
    public static ProjectPage openFrom(ConsolePage console, String org, String project) {
        console.openOrganization(org);
        console.project(project).click();
        ProjectPage opened = new ProjectPage(console.page());
        assertThat(opened.title).isVisible();
        return opened;
    }

    public Locator title() {
        return title;
    }

    /** "your role: …" */
    public Locator role() {
        return page.locator("#project-role");
    }

    /** The note that tells viewers they can browse but not upload. */
    public Locator readOnlyNote() {
        return page.locator("#read-only-note");
    }

    public DatasetsTab datasets() {
        page.locator("#datasets-tab").click();
        return DatasetsTab.expect(page);
    }

    public ModelsTab models() {
        page.locator("#models-tab").click();
        return ModelsTab.expect(page);
    }

    /** A notification the console shows (success or failure) with this text in it. */
    public Locator notification(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text));
    }
}
