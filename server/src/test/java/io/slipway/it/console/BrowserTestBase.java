package io.slipway.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.slipway.it.support.ApiTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A console test class: the deployed WAR (see {@link ApiTestBase}) and, per test, a fresh page in headless
 * Chromium of the operating system, one browser per class. Subclasses carry
 * {@code @EnabledIf(value = BrowserTestBase.CHROMIUM_INSTALLED, disabledReason = BrowserTestBase.NO_CHROMIUM)},
 * which JUnit checks before Arquillian deploys anything, so a machine without Chromium does not start Liberty for
 * nothing.
 *
 * <p>A failing test leaves a screenshot in {@code target/console-screenshots/}; with
 * {@code -Dconsole.screenshots=true} every test leaves one of where it ended; {@link #screenshot(Page, String)}
 * saves one of a screen a test wants to show. A test may open more pages, each in a browser context of its own
 * (another person signed in at the same time: {@link #anotherBrowser()}). After each test, no request may have
 * left this machine.
 */
public abstract class BrowserTestBase extends ApiTestBase {

    protected static final String CHROMIUM_INSTALLED = "io.slipway.it.console.SystemChromium#isInstalled";
    protected static final String NO_CHROMIUM =
            "Chromium not found at /usr/bin/chromium: install it with apt-get install chromium (see README)";

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static SystemChromium chromium;

    protected Page page;
    private BrowserContext browser;
    private final List<BrowserContext> otherBrowsers = new CopyOnWriteArrayList<>();
    private final List<String> blockedRequests = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
        if (page != null && !page.isClosed()) {
            Path file = screenshot(context.getRequiredTestMethod().getName());
            failure.addSuppressed(new AssertionError("Browser was at " + page.url() + "; screenshot " + file));
        }
        throw failure;
    };

    @BeforeAll
    static void launchChromium() {
        chromium = SystemChromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = chromium.newContext(blockedRequests::add);
        page = browser.newPage();
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        if (Boolean.getBoolean("console.screenshots") && !page.isClosed()) {
            // tall enough for the whole page: the console scrolls inside its layout, not the document
            page.setViewportSize(1280, 1800);
            screenshot(test.getTestMethod().orElseThrow().getName() + "-done");
        }
        browser.close();
        otherBrowsers.forEach(BrowserContext::close);
        otherBrowsers.clear();
        assertThat(blockedRequests).as("requests the pages sent beyond this machine").isEmpty();
    }

    /** A page in a browser context of its own (its own cookies: another person), closed after the test. */
    protected Page anotherBrowser() {
        BrowserContext other = chromium.newContext(blockedRequests::add);
        otherBrowsers.add(other);
        return other.newPage();
    }

    /**
     * Saves what {@code shown} shows now as {@code target/console-screenshots/<name>.png}, in a window tall enough
     * for the whole screen (the console scrolls inside its layout, not the document), then restores the window.
     */
    protected static Path screenshot(Page shown, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            var size = shown.viewportSize();
            shown.setViewportSize(size.width, 1400);
            shown.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            shown.setViewportSize(size.width, size.height);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path screenshot(String name) {
        return screenshot(page, name);
    }
}
