package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The console's home: header with the signed-in person and "Sign out", the organizations grid and the projects
 * of the selected organization. Grid cells are found by their text ({@link GridCells}).
 */
public final class ConsolePage {

    private final Page page;
    private final Locator signedInUser;
    private final Locator signOut;
    private final Locator organizations;
    private final Locator projects;
    private final Locator projectsHeading;

    private ConsolePage(Page page) {
        this.page = page;
        this.signedInUser = page.locator("#signed-in-user");
        this.signOut = page.locator("#sign-out");
        this.organizations = page.locator("#organizations");
        this.projects = page.locator("#projects");
        this.projectsHeading = page.locator("h2").filter(new Locator.FilterOptions().setHasText("Projects in "));
    }

    /** Waits until the browser shows the console, signed in. */
    public static ConsolePage expect(Page page) {
        ConsolePage console = new ConsolePage(page);
        assertThat(console.signedInUser).isVisible();
        assertThat(console.organizations).isVisible();
        return console;
    }

    public Locator signedInUser() {
        return signedInUser;
    }

    /** The organizations grid's cell showing this organization's slug. */
    public Locator organization(String slug) {
        return GridCells.withText(organizations, slug);
    }

    /** The projects grid's cell showing this text (a project's slug, name or role). */
    public Locator project(String text) {
        return GridCells.withText(projects, text);
    }

    /** "Projects in …": which organization's projects are shown. */
    public Locator projectsHeading() {
        return projectsHeading;
    }

    /** Shows this organization's projects, selecting its row unless it is already selected. */
    public ConsolePage openOrganization(String slug) {
        assertThat(organization(slug)).isVisible();
        // clicking the selected row would deselect it; an organization is selected once its projects show
        if (!(projectsHeading.isVisible() && projectsHeading.textContent().strip().equals("Projects in " + slug))) {
            organization(slug).click();
        }
        assertThat(projectsHeading).hasText("Projects in " + slug);
        assertThat(projects).isVisible();
        return this;
    }

    /** Signs out; the browser ends on wherever the console sends it (the identity provider's sign-in form). */
    public void signOut() {
        signOut.click();
    }

    public Page page() {
        return page;
    }
}
