package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** A project's Runs page: the runs, New run, and the selected run's state, metrics chart, outputs and log. */
public final class RunsPage {

    private final Page page;
    private final Locator grid;

    private RunsPage(Page page) {
        this.page = page;
        this.grid = page.locator("#runs");
    }

    static RunsPage expect(Page page) {
        RunsPage runs = new RunsPage(page);
        assertThat(runs.grid).isVisible();
        return runs;
    }

    /** Starts the built-in trainer on {@code dataset} ("name:version") for {@code target}, its output becoming {@code model}. */
    public RunsPage startTrainer(String name, String dataset, String target, String model) {
        page.locator("#run-new").click();
        page.locator("#run-name input").fill(name);
        page.locator("#run-dataset").click();
        page.locator("vaadin-select-item[role=option]").filter(new Locator.FilterOptions().setHasText(dataset)).click();
        page.locator("#run-target input").fill(target);
        page.locator("#run-model input").fill(model);
        assertThat(page.locator("#run-pool")).containsText("local-cpu");
        page.locator("#run-start:not([disabled])").click();
        assertThat(page.locator("#run-dialog")).hasCount(0);
        return this;
    }

    /**
     * Starts {@code image} on the cluster's pool {@code pool} with {@code gpus} GPUs from the code bundle uploaded in
     * the dialog; its command is the image's own.
     */
    public RunsPage startImage(String pool, String image, int gpus, java.nio.file.Path bundle) {
        page.locator("#run-new").click();
        page.locator("#run-pool").click();
        page.locator("vaadin-select-item[role=option]").filter(new Locator.FilterOptions().setHasText(pool)).click();
        assertThat(page.locator("#run-kind")).containsText("Container image");
        assertThat(page.locator("#run-target")).isHidden();
        page.locator("#run-bundle-upload input[type=file]").setInputFiles(bundle);
        assertThat(page.locator("#run-bundle-upload-status")).containsText("Stored 1 files (tar.gz)",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#run-bundle")).containsText(bundle.getFileName().toString());
        page.locator("#run-image input").fill(image);
        page.locator("#run-gpus input").fill(Integer.toString(gpus));
        page.locator("#run-start:not([disabled])").click();
        assertThat(page.locator("#run-dialog")).hasCount(0);
        return this;
    }

    public Locator facts() {
        return page.locator("#run-facts");
    }

    public Locator reason() {
        return page.locator("#run-reason");
    }

    public Locator cell(String text) {
        return GridCells.withText(grid, text);
    }

    public Locator state() {
        return page.locator("#run-state");
    }

    public Locator log() {
        return page.locator("#run-log");
    }

    public Locator metricsChart() {
        return page.locator("#run-metrics-chart");
    }

    public Locator metricsChartCanvas() {
        return page.locator("#run-metrics-chart canvas");
    }

    public Locator output(String model) {
        return page.locator("#run-output-" + model);
    }
}
