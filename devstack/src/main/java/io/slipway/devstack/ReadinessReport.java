package io.slipway.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a running Slipway says of its dependencies: its {@code /health/ready} checks, one line each, naming
 * the problem of a dependency that is down (for {@code ./slipway status}).
 */
final class ReadinessReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private ReadinessReport() {
    }

    static List<String> of(String slipwayUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(slipwayUrl + "/health/ready"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return lines(JSON.readTree(response.body()));
        } catch (IOException e) {
            return List.of("readiness: no answer from " + slipwayUrl + "/health/ready (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("readiness: interrupted");
        }
    }

    static List<String> lines(JsonNode health) {
        List<String> lines = new ArrayList<>();
        lines.add("readiness: " + health.path("status").asText("unknown"));
        for (JsonNode check : health.path("checks")) {
            JsonNode data = check.path("data");
            String state = check.path("status").asText();
            if (data.has("reachable") && !data.path("reachable").asBoolean()) {
                state = "UNREACHABLE (the server stays ready)";
            }
            String problem = data.path("problem").asText("");
            lines.add(String.format("  %-18s %s%s", check.path("name").asText(), state,
                    problem.isEmpty() ? "" : ": " + problem));
        }
        return lines;
    }
}
