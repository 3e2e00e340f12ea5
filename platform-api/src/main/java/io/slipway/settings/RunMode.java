package io.slipway.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Local mode is the embedded database with nothing public: {@code SLIPWAY_DB_KIND=h2} (the default) and no
 * {@code SLIPWAY_PUBLIC_URL}, or one on a loopback host. Anything else (PostgreSQL, or a public URL that
 * others reach) is production, where dev-only defaults must not run.
 */
public enum RunMode {
    LOCAL, PRODUCTION;

    public static RunMode of(String dbKind, Optional<String> publicUrl) {
        boolean embeddedDatabase = dbKind == null || dbKind.isBlank() || "h2".equalsIgnoreCase(dbKind.strip());
        return embeddedDatabase && publicUrl.map(String::strip).filter(url -> !url.isEmpty())
                .map(RunMode::isLoopback).orElse(true) ? LOCAL : PRODUCTION;
    }

    private static boolean isLoopback(String url) {
        try {
            String host = new URI(url).getHost();
            if (host == null) {
                return false;
            }
            String name = host.toLowerCase(Locale.ROOT);
            return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
                    || name.equals("[::1]") || name.equals("::1");
        } catch (URISyntaxException e) {
            return false; // not a URL anybody reaches: not local either, and the check says so
        }
    }
}
