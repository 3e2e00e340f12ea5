package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** A project's Datasets tab: the upload form (for data scientists and up), the datasets, a dataset's versions. */
public final class DatasetsTab {

    private final Page page;
    private final Locator datasets;
    private final Locator versions;

    private DatasetsTab(Page page) {
        this.page = page;
        this.datasets = page.locator("#datasets");
        this.versions = page.locator("#dataset-versions");
    }

    static DatasetsTab expect(Page page) {
        DatasetsTab tab = new DatasetsTab(page);
        assertThat(tab.datasets).isVisible();
        return tab;
    }

    /** Names the dataset, waits until the console accepts the name, then chooses the file, which uploads at once. */
    public DatasetsTab upload(String name, Path file) {
        page.locator("#dataset-name input").fill(name);
        assertThat(page.locator("#dataset-upload:not([disabled])")).isVisible();
        VaadinClient.awaitIdle(page);
        page.locator("#dataset-upload input[type=file]").setInputFiles(file);
        return this;
    }

    /** The upload control, absent for those who may not upload. */
    public Locator uploadControl() {
        return page.locator("#dataset-upload");
    }

    /** What became of the last upload: the version stored, or why it was refused. */
    public Locator uploadStatus() {
        return page.locator("#dataset-upload-status");
    }

    /** Shows the dataset's versions. */
    public DatasetsTab open(String dataset) {
        dataset(dataset).click();
        assertThat(versionsTitle()).hasText("Versions of " + dataset);
        return this;
    }

    public Locator dataset(String name) {
        return GridCells.withText(datasets, name);
    }

    /** "Versions of …": whose versions are shown. */
    public Locator versionsTitle() {
        return page.locator("#dataset-versions-title");
    }

    /** A cell of the versions grid showing exactly this text (a version, file name, row count, …). */
    public Locator versionCell(String text) {
        return GridCells.withText(versions, text);
    }

    /** Follows the newest version's download link and waits for the browser's download. */
    public Download downloadNewest() {
        return page.waitForDownload(() -> versions.locator("a[download]").first().click());
    }
}
