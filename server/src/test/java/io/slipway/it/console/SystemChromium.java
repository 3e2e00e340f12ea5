package io.slipway.it.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Headless Chromium from the operating system ({@code apt-get install chromium}), driven by Playwright. Playwright
 * never downloads a browser, and Chromium never reaches beyond this machine: its background services are off
 * and every request to a host other than 127.0.0.1/localhost is aborted and recorded.
 */
public final class SystemChromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage");
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");
    private static final double TIMEOUT_MS = 30_000;

    private final Playwright playwright;
    private final Browser browser;

    private SystemChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static boolean isInstalled() {
        return Files.isExecutable(EXECUTABLE);
    }

    public static SystemChromium launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    .setArgs(ARGS));
            // a Vaadin page's first load on a busy 2-core machine takes seconds, not milliseconds
            PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
            return new SystemChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser profile (no cookies, no sessions) that reports each request it aborted to {@code blocked}. */
    public BrowserContext newContext(Consumer<String> blocked) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.route(url -> !isLocal(url), route -> {
            blocked.accept(route.request().method() + " " + route.request().url());
            route.abort();
        });
        return context;
    }

    private static boolean isLocal(String url) {
        URI uri = URI.create(url);
        return uri.getHost() == null || LOCAL_HOSTS.contains(uri.getHost());
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
