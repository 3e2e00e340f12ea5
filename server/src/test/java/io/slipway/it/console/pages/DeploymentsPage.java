package io.slipway.it.console.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** A project's Deployments page: the deployments, one's details and request log, New deployment, Roll back. */
public final class DeploymentsPage {

    private final Page page;
    private final Locator grid;

    private DeploymentsPage(Page page) {
        this.page = page;
        this.grid = page.locator("#deployments");
    }

    static DeploymentsPage expect(Page page) {
        DeploymentsPage deployments = new DeploymentsPage(page);
        assertThat(deployments.grid).isVisible();
        return deployments;
    }

    /** Deploys {@code model} as {@code name}, serving {@code target} ("Follow production", ...). */
    public DeploymentsPage create(String name, String model, String target) {
        page.locator("#deployment-new").click();
        page.locator("#deployment-name input").fill(name);
        page.locator("#deployment-model input").fill(model);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(model)).first().click();
        page.locator("#deployment-target").click();
        page.locator("vaadin-select-item[role=option]").filter(new Locator.FilterOptions().setHasText(target)).click();
        page.locator("#deployment-create:not([disabled])").click();
        assertThat(page.locator("#deployment-dialog")).hasCount(0);
        return this;
    }

    /** A cell of the deployments grid showing exactly this text. */
    public Locator cell(String text) {
        return GridCells.withText(grid, text);
    }

    /** Shows that deployment's details. */
    public DeploymentsPage select(String name) {
        cell(name).click();
        assertThat(page.locator("#deployment-details")).isVisible();
        return this;
    }

    /** The selected deployment's state badge (ready, loading, ...). */
    public Locator state() {
        return page.locator("#deployment-state");
    }

    /** "v2 answers, v1 kept for rollback". */
    public Locator versions() {
        return page.locator("#deployment-versions");
    }

    public Locator baseUrl() {
        return page.locator("#deployment-base-url");
    }

    public Locator curl() {
        return page.locator("#deployment-curl textarea");
    }

    /** A cell of the selected deployment's request log showing exactly this text. */
    public Locator logCell(String text) {
        return GridCells.withText(page.locator("#deployment-log"), text);
    }

    /** Rolls the stage the selected deployment follows back, giving the reason. */
    public DeploymentsPage rollBack(String reason) {
        page.locator("#deployment-rollback").click();
        page.locator("#rollback-reason textarea").fill(reason);
        page.locator("#rollback-confirm:not([disabled])").click();
        return this;
    }

    /** The requests chart (Chart.js); {@code data-requests} holds the window's total, {@code data-versions} who answered. */
    public Locator requestsChart() {
        return page.locator("#deployment-requests-chart");
    }

    /** The chart's canvas, drawn once the chart has data. */
    public Locator requestsChartCanvas() {
        return page.locator("#deployment-requests-chart canvas");
    }

    /** "3 requests, 0 errors; p50 ≤ ..., p99 ≤ ...". */
    public Locator totals() {
        return page.locator("#deployment-totals");
    }

    /** A cell of the followed stage's history showing exactly this text. */
    public Locator historyCell(String text) {
        return GridCells.withText(page.locator("#deployment-stage-history"), text);
    }
}
