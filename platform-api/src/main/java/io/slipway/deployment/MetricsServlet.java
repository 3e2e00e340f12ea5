package io.slipway.deployment;

import io.slipway.api.Json;
import io.slipway.api.Problem;
import io.slipway.api.ProblemException;
import io.slipway.settings.RunMode;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Prometheus scrape endpoint, {@code GET /metrics}. Series name organizations, projects and deployments, so
 * a scraper presents {@code Authorization: Bearer $SLIPWAY_METRICS_TOKEN}; in the local mode with no token set
 * the endpoint is open, in production it stays shut until one is set.
 */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    transient ServingMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Config config = ConfigProvider.getConfig();
        Optional<String> token = config.getOptionalValue("slipway.metrics.token", String.class)
                .map(String::strip).filter(t -> !t.isEmpty());
        RunMode mode = RunMode.of(config.getOptionalValue("slipway.db.kind", String.class).orElse("h2"),
                config.getOptionalValue("slipway.public.url", String.class));
        if (token.isEmpty() && mode == RunMode.PRODUCTION) {
            refuse(response, ProblemException.forbidden("Metrics are shut outside the local mode until"
                    + " SLIPWAY_METRICS_TOKEN is set; scrapers then send it as a bearer token."));
            return;
        }
        if (token.isPresent() && !presents(request, token.get())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"slipway-metrics\"");
            refuse(response, ProblemException.unauthorized("Scraping needs Authorization: Bearer with the value"
                    + " of SLIPWAY_METRICS_TOKEN."));
            return;
        }
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        metrics.scrape(response.getOutputStream());
    }

    private static boolean presents(HttpServletRequest request, String token) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpServletResponse response, ProblemException problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        Json.MAPPER.writeValue(response.getOutputStream(), Problem.of(problem));
    }
}
