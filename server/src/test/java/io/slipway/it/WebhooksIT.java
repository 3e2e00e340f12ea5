package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Database;
import io.slipway.it.support.Digests;
import io.slipway.it.support.SecondServer;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import io.slipway.it.support.WebhookReceiver;
import io.slipway.it.support.WebhookReceiver.Received;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Project webhooks end to end, with real tokens and receivers on 127.0.0.1 (which the test server allows, unlike
 * every other private network): registered versions arrive as signed CloudEvents, in order; a failing receiver is
 * retried until it takes the event; private destinations are refused; the secret is shown once.
 */
class WebhooksIT extends ApiTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static TestOrg org;

    @BeforeEach
    void createTheOrganization() {
        if (org == null) {
            org = TestOrg.create(api);
        }
    }

    @Test
    void receiverGetsSignedCloudEventsOfRegisteredVersionsInOrder() throws Exception {
        String project = newProject("ordered");
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            JsonNode webhook = create(project, receiver.url(), List.of());
            String secret = webhook.path("secret").asText();
            assertThat(secret).startsWith("whsec_");

            String bob = Users.token("bob");
            List<byte[]> files = List.of(csv(1), csv(2), csv(3));
            for (byte[] file : files) {
                assertThat(uploads.raw(bob, project + "/datasets/txns/versions?fileName=t.csv", "text/csv", file)
                        .status()).isEqualTo(201);
            }
            assertThat(uploads.raw(bob, project + "/models/scorer/versions?fileName=m.pkl",
                    "application/octet-stream", csv(9)).status()).isEqualTo(201);

            List<Received> received = receiver.await(4, PATIENCE);
            assertThat(received).hasSize(4);
            assertThat(received).extracting(r -> r.json().path("subject").asText()).containsExactly(
                    "datasets/txns/versions/1", "datasets/txns/versions/2", "datasets/txns/versions/3",
                    "models/scorer/versions/1");
            for (int i = 0; i < received.size(); i++) {
                Received event = received.get(i);
                JsonNode body = event.json();
                assertThat(event.signedWith(secret)).as("signature of %s", event.headers()).isTrue();
                assertThat(event.signedWith("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
                        .as("another secret's signature").isFalse();
                assertThat(event.header("content-type")).isEqualTo("application/cloudevents+json");
                assertThat(event.header("webhook-id")).isEqualTo(body.path("id").asText());
                assertThat(Math.abs(Long.parseLong(event.header("webhook-timestamp"))
                        - Instant.now().getEpochSecond())).isLessThan(300);
                assertThat(body.path("specversion").asText()).isEqualTo("1.0");
                assertThat(body.path("source").asText()).isEqualTo("/orgs/" + org.slug() + "/projects/"
                        + slugOf(project));
                assertThat(body.path("datacontenttype").asText()).isEqualTo("application/json");
                assertThat(Instant.parse(body.path("time").asText())).isBefore(Instant.now().plusSeconds(1));
                JsonNode data = body.path("data");
                assertThat(data.path("org").asText()).isEqualTo(org.slug());
                assertThat(data.path("project").asText()).isEqualTo(slugOf(project));
                assertThat(data.path("actor").asText()).isEqualTo("bob");
                if (i < 3) {
                    assertThat(body.path("type").asText()).isEqualTo("io.slipway.dataset.version-registered");
                    assertThat(data.path("name").asText()).isEqualTo("txns");
                    assertThat(data.path("version").asInt()).isEqualTo(i + 1);
                    assertThat(data.path("sha256").asText()).isEqualTo(Digests.sha256(files.get(i)));
                } else {
                    assertThat(body.path("type").asText()).isEqualTo("io.slipway.model.version-registered");
                    assertThat(data.path("sha256").asText()).isEqualTo(Digests.sha256(csv(9)));
                }
            }
            JsonNode log = awaitDeliveries(project, webhook, items -> items.size() == 4
                    && items.findValuesAsText("status").stream().allMatch("delivered"::equals));
            assertThat(log.path("items").get(0).path("type").asText()).as("newest first")
                    .isEqualTo("model.version-registered");
            assertThat(log.path("items").get(0).path("attempts").asInt()).isEqualTo(1);
            assertThat(log.path("items").get(0).path("lastStatusCode").asInt()).isEqualTo(204);
            assertThat(log.path("items").get(0).hasNonNull("deliveredAt")).isTrue();
        }
    }

    @Test
    void promotionsDecisionsStageChangesAndRollbacksAreDeliveredSignedAndInOrder() throws Exception {
        String project = newProject("promoted");
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            JsonNode webhook = create(project, receiver.url(), List.of("promotion.requested", "promotion.approved",
                    "stage.changed", "stage.rolled-back"));
            String bob = Users.token("bob");
            String carol = Users.token("carol");
            for (int v = 1; v <= 2; v++) {
                assertThat(uploads.raw(bob, project + "/models/scorer/versions?fileName=m.pkl",
                        "application/octet-stream", csv(20 + v)).status()).isEqualTo(201);
                Api.Reply requested = api.post(bob, project + "/promotions", Map.of("model", "scorer", "version", v,
                        "targetStage", "production", "justification", "version " + v));
                assertThat(requested.status()).as("%s", requested).isEqualTo(201);
                assertThat(api.post(carol, project + "/promotions/" + requested.json().path("id").asText()
                        + "/approve", Map.of("comment", "ok " + v)).status()).isEqualTo(200);
            }
            assertThat(api.post(carol, project + "/models/scorer/stages/production/rollback",
                    Map.of("reason", "v2 regressed")).status()).isEqualTo(200);

            List<Received> received = receiver.await(7, PATIENCE);

            assertThat(received).extracting(r -> r.json().path("type").asText()).containsExactly(
                    "io.slipway.promotion.requested", "io.slipway.stage.changed", "io.slipway.promotion.approved",
                    "io.slipway.promotion.requested", "io.slipway.stage.changed", "io.slipway.promotion.approved",
                    "io.slipway.stage.rolled-back");
            assertThat(received).allSatisfy(r -> assertThat(r.signedWith(webhook.path("secret").asText())).isTrue());
            JsonNode rollback = received.get(6).json();
            assertThat(rollback.path("subject").asText()).isEqualTo("models/scorer/stages/production");
            assertThat(rollback.at("/data/fromVersion").asInt()).isEqualTo(2);
            assertThat(rollback.at("/data/toVersion").asInt()).isEqualTo(1);
            assertThat(rollback.at("/data/actor").asText()).isEqualTo("carol");
            assertThat(rollback.at("/data/reason").asText()).isEqualTo("v2 regressed");
            assertThat(received.get(2).json().at("/data/comment").asText()).isEqualTo("ok 1");
            assertThat(received.get(0).json().path("subject").asText()).startsWith("promotions/");
        }
    }

    @Test
    void failingReceiverGetsTheEventOnTheThirdTryAndLaterEventsWait() throws Exception {
        String project = newProject("retried");
        try (WebhookReceiver receiver = WebhookReceiver.answering(index -> index < 2 ? 503 : 200)) {
            JsonNode webhook = create(project, receiver.url(), List.of("model.version-registered"));
            String bob = Users.token("bob");
            assertThat(uploads.raw(bob, project + "/datasets/ignored/versions?fileName=t.csv", "text/csv", csv(1))
                    .status()).as("a dataset: not a type this webhook receives").isEqualTo(201);
            for (int version = 1; version <= 2; version++) {
                assertThat(uploads.raw(bob, project + "/models/scorer/versions?fileName=m.pkl",
                        "application/octet-stream", csv(version)).status()).isEqualTo(201);
            }

            List<Received> received = receiver.await(4, PATIENCE);
            assertThat(received).extracting(r -> r.json().path("subject").asText()).containsExactly(
                    "models/scorer/versions/1", "models/scorer/versions/1", "models/scorer/versions/1",
                    "models/scorer/versions/2");
            assertThat(received.subList(0, 3)).extracting(r -> r.header("webhook-id")).as("one message, retried")
                    .containsOnly(received.get(0).header("webhook-id"));
            JsonNode items = awaitDeliveries(project, webhook, log -> log.size() == 2
                    && log.findValuesAsText("status").stream().allMatch("delivered"::equals)).path("items");
            JsonNode first = items.get(1);
            assertThat(first.path("attempts").asInt()).isEqualTo(3);
            assertThat(first.path("lastStatusCode").asInt()).isEqualTo(200);
            assertThat(first.path("lastError").asText()).contains("503");
            assertThat(first.path("eventId").asText()).isEqualTo(received.get(0).header("webhook-id"));
            assertThat(items.get(0).path("attempts").asInt()).isEqualTo(1);
            assertThat(Instant.parse(items.get(0).path("deliveredAt").asText()))
                    .as("the later event went out only after the first was delivered")
                    .isAfterOrEqualTo(Instant.parse(first.path("deliveredAt").asText()));
            assertThat(receiver.received()).as("the dataset event was not sent").hasSize(4);
        }
    }

    @Test
    void privateAndNonHttpDestinationsAreRefused() {
        String project = newProject("ssrf");
        String alice = Users.token("alice");
        for (String url : List.of("http://10.0.0.1/hook", "http://192.168.1.20:8080/", "http://172.16.5.5/",
                "http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:9/", "http://[::1]/",
                "http://0.0.0.0/", "ftp://127.0.0.1/", "file:///etc/passwd")) {
            Api.Reply reply = api.post(alice, project + "/webhooks", Map.of("url", url));
            assertThat(reply.status()).as("%s: %s", url, reply).isEqualTo(400);
            assertThat(reply.json().path("code").asText()).isEqualTo("webhook-url-not-allowed");
        }
        Api.Reply metadata = api.post(alice, project + "/webhooks", Map.of("url", "http://169.254.169.254/"));
        assertThat(metadata.json().path("detail").asText()).contains("link-local");

        JsonNode webhook = create(project, "http://127.0.0.1:9/hook", List.of());
        Api.Reply moved = api.patch(alice, project + "/webhooks/" + webhook.path("id").asText(),
                Map.of("url", "http://10.1.1.1/"));
        assertThat(moved.status()).as("%s", moved).isEqualTo(400);
        assertThat(moved.json().path("code").asText()).isEqualTo("webhook-url-not-allowed");
        assertThat(api.get(alice, project + "/webhooks/" + webhook.path("id").asText()).json().path("url").asText())
                .isEqualTo("http://127.0.0.1:9/hook");
    }

    @Test
    void secretIsShownOnceAndNeverAudited() {
        String project = newProject("secret");
        String alice = Users.token("alice");
        JsonNode webhook = create(project, "http://127.0.0.1:9/hook", List.of("dataset.version-registered"));
        String id = webhook.path("id").asText();
        String secret = webhook.path("secret").asText();
        assertThat(secret).startsWith("whsec_");

        Api.Reply read = api.get(alice, project + "/webhooks/" + id);
        Api.Reply listed = api.get(alice, project + "/webhooks");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("secret")).isFalse();
        assertThat(listed.json().path("items")).hasSize(1);
        assertThat(listed.body()).doesNotContain("whsec_");
        assertThat(read.json().path("events").get(0).asText()).isEqualTo("dataset.version-registered");

        Api.Reply updated = api.patch(alice, project + "/webhooks/" + id, Map.of("enabled", false,
                "events", List.of(), "description", "paused"));
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().path("enabled").asBoolean()).isFalse();
        assertThat(updated.json().path("events")).isEmpty();
        assertThat(updated.body()).doesNotContain("whsec_");

        Api.Reply rotated = api.post(alice, project + "/webhooks/" + id + "/rotate-secret", Map.of());
        assertThat(rotated.status()).as("%s", rotated).isEqualTo(200);
        String newSecret = rotated.json().path("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(api.get(alice, project + "/webhooks/" + id).body()).doesNotContain("whsec_");

        Api.Reply audit = api.get(alice, org.path() + "/audit?project=" + slugOf(project) + "&limit=50");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("webhook.created").contains("webhook.updated")
                .contains("webhook.secret-rotated").doesNotContain(secret.substring(6))
                .doesNotContain(newSecret.substring(6));

        assertThat(api.delete(alice, project + "/webhooks/" + id).status()).isEqualTo(204);
        assertThat(api.get(alice, project + "/webhooks/" + id).status()).isEqualTo(404);
        assertThat(api.get(alice, org.path() + "/audit?project=" + slugOf(project) + "&limit=50").body())
                .contains("webhook.deleted");
    }

    @Test
    void onlyProjectAdminsAndOwnersSeeWebhooks() {
        String project = newProject("access");
        JsonNode webhook = create(project, "http://127.0.0.1:9/hook", List.of());
        String path = project + "/webhooks/" + webhook.path("id").asText();
        for (String user : List.of("bob", "carol", "dave")) {
            assertThat(api.get(Users.token(user), path).status()).as(user).isEqualTo(403);
            assertThat(api.get(Users.token(user), path + "/deliveries").status()).as(user).isEqualTo(403);
        }
        assertThat(api.get(Users.token("erin"), path).status()).as("another organization's").isEqualTo(404);
        assertThat(api.get(Users.token("alice"), project + "/webhooks/" + java.util.UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void eventInFlightWhenTheServerIsKilledIsDeliveredAfterTheRestart() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch serverGone = new CountDownLatch(1);
        // on 127.0.0.2, which only the second server may deliver to: the test server, polling the same database,
        // must not be the one that takes the delivery (it refuses the address, and the attempt is retried)
        try (WebhookReceiver receiver = WebhookReceiver.answeringOn(InetAddress.getByName("127.0.0.2"), index -> {
                if (index == 0) { // hold the first attempt until its server is dead: it never learns the answer
                    firstArrived.countDown();
                    await(serverGone);
                }
                return 200;
            });
             SecondServer server = SecondServer.named("webhook-crash")) {
            server.settings().put("SLIPWAY_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", "127.0.0.2/32");
            server.settings().put("SLIPWAY_WEBHOOKS_RETRY_BASE", "PT0.1S");
            server.settings().put("SLIPWAY_WEBHOOKS_RETRY_MAX", "PT2S");
            server.settings().put("SLIPWAY_WEBHOOKS_READ_TIMEOUT", "PT2M");
            server.settings().put("SLIPWAY_OUTBOX_POLL_INTERVAL", "PT0.2S");
            server.settings().put("SLIPWAY_BACKGROUND_POLLING_INTERVAL", "PT0.2S");
            server.settings().put("SLIPWAY_BACKGROUND_HEARTBEAT", "PT1S");
            server.start().awaitReady();
            Api second = new Api(server.base());
            TestOrg crashOrg = TestOrg.create(second);
            Api.Reply created = second.post(Users.token("alice"), crashOrg.projectPath() + "/webhooks",
                    Map.of("url", receiver.url()));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            String secret = created.json().path("secret").asText();
            assertThat(new io.slipway.it.support.Uploads(server.base()).raw(Users.token("bob"),
                    crashOrg.projectPath() + "/datasets/txns/versions?fileName=t.csv", "text/csv", csv(1)).status())
                    .isEqualTo(201);

            assertThat(firstArrived.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the first attempt").isTrue();
            if (!"postgres".equals(System.getProperty("slipway.it.db.kind"))) {
                // embedded H2 writes commits to disk up to a second late; PostgreSQL makes them durable at commit
                Database.updateAt(server.databaseUrl(), "checkpoint");
            }
            server.kill();
            serverGone.countDown();
            server.start().awaitReady();

            // the restarted server revives the dead execution after missed heartbeats; allow a loaded machine time
            List<Received> received = receiver.await(2, Duration.ofMinutes(3));
            assertThat(received.get(1).header("webhook-id")).as("the same event, sent again")
                    .isEqualTo(received.get(0).header("webhook-id"));
            assertThat(received.get(1).signedWith(secret)).isTrue();
            assertThat(received.get(1).json().path("subject").asText()).isEqualTo("datasets/txns/versions/1");
            JsonNode log = awaitDeliveries(second, crashOrg.projectPath(), created.json(),
                    items -> "delivered".equals(items.path(0).path("status").asText()));
            assertThat(log.path("items")).hasSize(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // helpers

    /** A fresh project (so each test's events and webhooks are its own), with bob as data scientist. */
    private String newProject(String prefix) {
        String slug = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String alice = Users.token("alice");
        assertThat(api.post(alice, org.path() + "/projects", Map.of("slug", slug, "name", slug)).status())
                .isEqualTo(201);
        String path = org.path() + "/projects/" + slug;
        for (Map.Entry<String, String> grant : Map.of("bob", "data-scientist", "carol", "manager", "dave", "viewer")
                .entrySet()) {
            assertThat(api.put(alice, path + "/members/" + Users.id(grant.getKey()), Map.of("role", grant.getValue()))
                    .status()).isIn(200, 201);
        }
        return path;
    }

    private static String slugOf(String projectPath) {
        return projectPath.substring(projectPath.lastIndexOf('/') + 1);
    }

    private JsonNode create(String project, String url, List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        body.put("description", "test receiver");
        Api.Reply reply = api.post(Users.token("alice"), project + "/webhooks", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    private JsonNode awaitDeliveries(String project, JsonNode webhook, Predicate<JsonNode> done) {
        return awaitDeliveries(api, project, webhook, done);
    }

    /** Reads the deliveries log until it shows what {@code done} wants (each read is a round trip), or fails. */
    private static JsonNode awaitDeliveries(Api server, String project, JsonNode webhook, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        String path = project + "/webhooks/" + webhook.path("id").asText() + "/deliveries";
        while (true) {
            Api.Reply reply = server.get(Users.token("alice"), path);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            if (done.test(reply.json().path("items"))) {
                return reply.json();
            }
            assertThat(Instant.now()).as("deliveries log by the deadline: %s", reply).isBefore(deadline);
        }
    }

    private static byte[] csv(int row) {
        return ("id,amount\n" + row + "," + row + ".5\n").getBytes(StandardCharsets.UTF_8);
    }
}
