package io.slipway.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The demo organizations, created through Slipway's own REST API on the first start (so they are audited
 * like any other change): {@code acme} owned by alice, with bob (data-scientist), carol (manager) and dave
 * (viewer) in project {@code fraud-detection}; {@code globex} owned by erin.
 */
final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final TokenClient tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoData(String slipwayUrl, TokenClient tokens) {
        this.api = slipwayUrl + "/api/v1";
        this.tokens = tokens;
    }

    /** Creates the demo data unless it is there already; returns whether it created anything. */
    boolean ensure() {
        String alice = tokens.password("alice", "alice");
        if (send(alice, "GET", "/orgs/acme", null) == 200) {
            return false;
        }
        String root = tokens.password("root", "root");
        expect(send(root, "POST", "/orgs", Map.of("slug", "acme", "name", "Acme Corp", "owner", "alice")), 201);
        for (String member : new String[] {"bob", "carol", "dave"}) { // invited by alice, and they accept
            HttpResponse<String> invited = exchange(alice, "POST", "/orgs/acme/members",
                    Map.of("user", member, "role", "member"));
            expect(invited.statusCode(), 202);
            expect(send(tokens.password(member, member), "POST", "/invitations/" + invitationId(invited) + "/accept",
                    Map.of()), 200);
        }
        expect(send(alice, "POST", "/orgs/acme/projects", Map.of("slug", "fraud-detection", "name",
                "Fraud detection", "description", "Card-not-present fraud scoring")), 201);
        grant(alice, "bob", "data-scientist");
        grant(alice, "carol", "manager");
        grant(alice, "dave", "viewer");
        expect(send(root, "POST", "/orgs", Map.of("slug", "globex", "name", "Globex", "owner", "erin")), 201);
        return true;
    }

    private void grant(String adminToken, String username, String role) {
        String userId = subject(tokens.password(username, username));
        expect(send(adminToken, "PUT", "/orgs/acme/projects/fraud-detection/members/" + userId,
                Map.of("role", role)), 201);
    }

    private static String subject(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).get("sub").asText();
        } catch (IOException e) {
            throw new DevServiceException("Unreadable token", e);
        }
    }

    private static String invitationId(HttpResponse<String> invited) {
        try {
            return JSON.readTree(invited.body()).get("id").asText();
        } catch (IOException e) {
            throw new DevServiceException("Unreadable invitation: " + invited.body(), e);
        }
    }

    private int send(String token, String method, String path, Object body) {
        return exchange(token, method, path, body).statusCode();
    }

    private HttpResponse<String> exchange(String token, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && response.statusCode() != 404) {
                throw new DevServiceException("Creating demo data: " + method + " " + path + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new DevServiceException("Creating demo data: " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevServiceException("Interrupted while creating demo data", e);
        }
    }

    private static void expect(int actual, int expected) {
        if (actual != expected) {
            throw new DevServiceException("Creating demo data: expected HTTP " + expected + " but got " + actual);
        }
    }
}
