package io.slipway.it.console.pages;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;

/** Finding a Vaadin grid's cells by their whole text; Playwright's locators reach into the grid's shadow DOM. */
final class GridCells {

    private GridCells() {
    }

    /**
     * The grid's visible cells whose text is exactly {@code text} (surrounding white space aside). A grid whose
     * items were replaced by fewer keeps the extra rows' cells, hidden, with their old text.
     */
    static Locator withText(Locator grid, String text) {
        return grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\s*" + escapeForJavaScript(text) + "\\s*$")).setVisible(true));
    }

    /** Playwright evaluates the pattern in the browser, whose regular expressions lack Java's \\Q...\\E. */
    private static String escapeForJavaScript(String literal) {
        return literal.replaceAll("[.*+?^${}()|\\[\\]\\\\-]", "\\\\$0");
    }
}
