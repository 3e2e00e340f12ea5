package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A project's pages: the header (its name, the signed-in person's role) and the side navigation to its Overview,
 * Datasets, Models, Promotions and Deployments.
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

    /** Whoever is at a project's page now (after following a link into it). */
    public static ProjectPage at(Page page) {
        ProjectPage project = new ProjectPage(page);
        assertThat(project.title).isVisible();
        return project;
    }

    public DatasetsTab datasets() {
        page.locator("#nav-datasets").click();
        return DatasetsTab.expect(page);
    }

    public ModelsTab models() {
        page.locator("#nav-models").click();
        return ModelsTab.expect(page);
    }

    public DeploymentsPage deployments() {
        page.locator("#nav-deployments").click();
        return DeploymentsPage.expect(page);
    }

    public RunsPage runs() {
        page.locator("#nav-runs").click();
        return RunsPage.expect(page);
    }

    public PromotionsInbox promotions() {
        page.locator("#nav-promotions").click();
        return PromotionsInbox.expect(page);
    }

    /** The overview: per model, the versions holding production and staging. */
    public Locator overview() {
        page.locator("#nav-overview").click();
        Locator models = page.locator("#overview-models");
        assertThat(models).isVisible();
        return models;
    }

    /** A cell of the overview's grid showing exactly this text (a model, "v2", a count). */
    public Locator overviewCell(String text) {
        return GridCells.withText(page.locator("#overview-models"), text);
    }

    /** A notification the console shows (success or failure) with this text in it. */
    public Locator notification(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text));
    }
}
