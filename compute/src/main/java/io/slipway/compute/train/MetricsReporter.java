package io.slipway.compute.train;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Reports metrics to Slipway with the run's token; outside a run (no token) it only prints. */
final class MetricsReporter {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;

    private MetricsReporter(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    static MetricsReporter fromEnvironment(Map<String, String> env) {
        String url = env.get("SLIPWAY_URL");
        String run = env.get("SLIPWAY_RUN_ID");
        String token = env.get("SLIPWAY_RUN_TOKEN");
        if (url == null || run == null || token == null) {
            return new MetricsReporter(null, null);
        }
        return new MetricsReporter(URI.create(url.replaceAll("/+$", "") + "/run-api/v1/runs/" + run + "/metrics"),
                token);
    }

    void report(long step, Map<String, Double> metrics) throws IOException, InterruptedException {
        if (endpoint == null) {
            return;
        }
        String body = "{\"step\":" + step + ",\"metrics\":{" + metrics.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + String.format(Locale.ROOT, "%.6f", e.getValue()))
                .collect(Collectors.joining(",")) + "}}";
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println("slipway-train: Slipway refused the metrics of step " + step + " (HTTP "
                    + response.statusCode() + "): " + response.body());
        }
    }
}
