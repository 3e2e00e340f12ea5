package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/**
 * A project's Models page: the upload form (for data scientists and up), the models, a model's versions (with
 * their stage badges and "Request promotion"), the model's stage holders and history, and the lineage of the
 * selected version.
 */
public final class ModelsTab {

    private final Page page;
    private final Locator models;
    private final Locator versions;

    private ModelsTab(Page page) {
        this.page = page;
        this.models = page.locator("#models");
        this.versions = page.locator("#model-versions");
    }

    static ModelsTab expect(Page page) {
        ModelsTab tab = new ModelsTab(page);
        assertThat(tab.models).isVisible();
        return tab;
    }

    /**
     * Fills in the model's name, metrics and training data (either may be empty), waits until the console accepts
     * them, then chooses the file, which uploads at once.
     */
    public ModelsTab upload(String name, String metrics, String trainedOn, Path file) {
        page.locator("#model-name input").fill(name);
        page.locator("#model-metrics input").fill(metrics);
        page.locator("#model-trained-on input").fill(trainedOn);
        assertThat(page.locator("#model-upload:not([disabled])")).isVisible();
        VaadinClient.awaitIdle(page);
        page.locator("#model-upload input[type=file]").setInputFiles(file);
        return this;
    }

    /** The upload control, absent for those who may not upload. */
    public Locator uploadControl() {
        return page.locator("#model-upload");
    }

    /** What became of the last upload: the version stored, or why it was refused. */
    public Locator uploadStatus() {
        return page.locator("#model-upload-status");
    }

    /** Shows the model's versions. */
    public ModelsTab open(String model) {
        model(model).click();
        assertThat(versionsTitle()).hasText("Versions of " + model);
        return this;
    }

    public Locator model(String name) {
        return GridCells.withText(models, name);
    }

    /** "Versions of …": whose versions are shown. */
    public Locator versionsTitle() {
        return page.locator("#model-versions-title");
    }

    /** A cell of the versions grid showing exactly this text (a version, stage, signature, metrics, …). */
    public Locator versionCell(String text) {
        return GridCells.withText(versions, text);
    }

    /** Opens the dialog asking for this version's promotion. */
    public PromotionDialog requestPromotion(int version) {
        page.locator("#request-promotion-v" + version).click();
        return PromotionDialog.expect(page);
    }

    /** "Production: v2", with Roll back for those who may. */
    public Locator holder(String stage) {
        return page.locator("#holder-" + stage);
    }

    /** The Roll back button of a stage (absent for those who may not roll back). */
    public Locator rollBackButton(String stage) {
        return page.locator("#rollback-" + stage);
    }

    /** Rolls the stage back, confirming with the reason. */
    public ModelsTab rollBack(String stage, String reason) {
        rollBackButton(stage).click();
        Locator dialog = page.locator("vaadin-dialog-overlay").filter(new Locator.FilterOptions()
                .setHasText("Roll back " + stage));
        assertThat(dialog).isVisible();
        page.locator("#rollback-reason textarea").fill(reason);
        page.locator("#rollback-confirm:not([disabled])").click();
        assertThat(dialog).hasCount(0);
        return this;
    }

    /** The stage history's entries, newest first: "production v2 → v1 rollback by carol · …" and the reason. */
    public Locator stageHistory() {
        return page.locator("#stage-history li.stage-change");
    }

    /** The lineage entries of the selected version, e.g. "dataset iris version 1 (bob, …) — trained → model …". */
    public Locator lineage() {
        return page.locator("#model-lineage li");
    }
}
