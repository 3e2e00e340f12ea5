package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Buckets;
import io.slipway.it.support.Database;
import io.slipway.it.support.Digests;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: one event per change, in the change's transaction, hash-chained per organization, with signed
 * heads and checkpoints (truncation is detected, a page's cost is bounded, the full verification is paged); the
 * platform's own trail; and garbage collection, which never touches an upload in flight.
 */
class AuditTrailIT extends ApiTestBase {

    @Test
    void everyChangeIsRecordedWithItsActorInOrder() {
        TestOrg acme = TestOrg.create(api);

        JsonNode trail = api.get(Users.token("alice"), acme.path() + "/audit?limit=500").json();

        assertThat(actions(trail)).containsExactly(
                "project-member.granted", "project-member.granted", "project-member.granted",
                "project-member.granted", "project.created",
                "org-member.added", "org-invitation.accepted", "org-invitation.created",
                "org-member.added", "org-invitation.accepted", "org-invitation.created",
                "org-member.added", "org-invitation.accepted", "org-invitation.created",
                "org-member.added", "organization.created");
        JsonNode newest = trail.at("/items/0");
        assertThat(newest.at("/actor/username").asText()).isEqualTo("alice");
        assertThat(newest.at("/after/role").asText()).isEqualTo("viewer");
        assertThat(newest.get("project").asText()).isEqualTo("fraud-detection");
        assertThat(trail.at("/items/5/actor/username").asText()).as("the person who accepted").isEqualTo("dave");
        assertThat(trail.at("/items/7/actor/username").asText()).as("the owner who invited").isEqualTo("alice");
        assertThat(trail.at("/items/15/actor/username").asText()).isEqualTo("root");
        assertThat(trail.at("/chain/verified").asBoolean()).isTrue();
        assertThat(trail.at("/chain/lastSeq").asInt()).isEqualTo(16);
    }

    @Test
    void aChangeRecordsItsStateBeforeAndAfter() {
        TestOrg acme = TestOrg.create(api);
        api.patch(Users.token("alice"), acme.projectPath(), Map.of("name", "Fraud v2"));

        JsonNode event = api.get(Users.token("alice"), acme.path() + "/audit?limit=1").json().at("/items/0");

        assertThat(event.get("action").asText()).isEqualTo("project.updated");
        assertThat(event.at("/before/name").asText()).isEqualTo("Fraud detection");
        assertThat(event.at("/after/name").asText()).isEqualTo("Fraud v2");
    }

    @Test
    void aFailedChangeLeavesNoEvent() {
        TestOrg acme = TestOrg.create(api);
        int before = count(acme);

        Api.Reply duplicate = api.post(Users.token("alice"), acme.path() + "/projects",
                Map.of("slug", acme.project(), "name", "again"));
        Api.Reply forbidden = api.patch(Users.token("dave"), acme.projectPath(), Map.of("name", "dave's"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(count(acme)).isEqualTo(before);
    }

    @Test
    void projectMembersReadTheirProjectsEventsOnly() {
        TestOrg acme = TestOrg.create(api);

        JsonNode trail = api.get(Users.token("dave"), acme.path() + "/audit?project=" + acme.project()).json();

        assertThat(actions(trail)).isNotEmpty().allMatch(a -> a.startsWith("project"));
        assertThat(trail.at("/chain/verified").asBoolean()).isTrue();
    }

    @Test
    void editingOneRowIsReportedAsTheFirstBrokenEvent() {
        TestOrg acme = TestOrg.create(api);
        JsonNode trail = api.get(Users.token("alice"), acme.path() + "/audit?limit=500").json();
        long victim = trail.at("/items/6/seq").asLong();

        int changed = Database.update("update audit_events set actor_name = 'mallory' where seq = ? and org_id = "
                + "(select id from organizations where slug = ?)", victim, acme.slug());
        JsonNode after = api.get(Users.token("alice"), acme.path() + "/audit").json();

        assertThat(changed).isEqualTo(1);
        assertThat(after.at("/chain/verified").asBoolean()).isFalse();
        assertThat(after.at("/chain/firstBrokenSeq").asLong()).isEqualTo(victim);
        assertThat(after.at("/chain/problem").asText()).contains("changed");
    }

    @Test
    void deletingTheLastEventsAndTheHeadIsReportedAsAMissingTail() {
        TestOrg acme = TestOrg.create(api);

        int deleted = Database.update("delete from audit_events where seq > 7 and org_id = " + ORG, acme.slug());
        Database.update("delete from audit_checkpoints where seq > 7 and org_id = " + ORG, acme.slug());
        Database.update("delete from audit_chain_heads where org_id = " + ORG, acme.slug());
        JsonNode page = api.get(Users.token("alice"), acme.path() + "/audit").json();
        JsonNode full = api.get(Users.token("alice"), acme.path() + "/audit/verification").json();

        assertThat(deleted).isEqualTo(9);
        assertThat(page.at("/chain/verified").asBoolean()).isFalse();
        assertThat(page.at("/chain/firstBrokenSeq").asLong()).isEqualTo(8);
        assertThat(page.at("/chain/problem").asText()).contains("head is missing");
        assertThat(full.path("verified").asBoolean()).isFalse();
        assertThat(full.path("problem").asText()).contains("head is missing");
    }

    @Test
    void movingTheHeadBackOverDeletedEventsIsReportedAsAnUnsignedHead() {
        TestOrg acme = TestOrg.create(api);

        Database.update("delete from audit_events where seq > 7 and org_id = " + ORG, acme.slug());
        Database.update("delete from audit_checkpoints where seq > 7 and org_id = " + ORG, acme.slug());
        int moved = Database.update("update audit_chain_heads set last_seq = 7, checkpoint_seq = 0, last_hash = "
                + "(select hash from audit_events e where e.seq = 7 and e.org_id = audit_chain_heads.org_id) "
                + "where org_id = " + ORG, acme.slug());
        JsonNode page = api.get(Users.token("alice"), acme.path() + "/audit").json();
        api.patch(Users.token("alice"), acme.projectPath(), Map.of("name", "After the forgery"));
        JsonNode afterAChange = api.get(Users.token("alice"), acme.path() + "/audit").json();

        assertThat(moved).isEqualTo(1);
        assertThat(page.at("/chain/verified").asBoolean()).isFalse();
        assertThat(page.at("/chain/problem").asText()).contains("not signed");
        assertThat(afterAChange.at("/chain/verified").asBoolean()).as("the next change does not sign it").isFalse();
    }

    @Test
    void aPageReadsOnlyTheEventsSinceTheLatestCheckpointWhateverTheChainsLength() {
        TestOrg acme = TestOrg.create(api);
        JsonNode shortChain = api.get(Users.token("alice"), acme.path() + "/audit?limit=5").json().get("chain");
        for (int i = 0; i < 40; i++) {
            api.patch(Users.token("alice"), acme.projectPath(), Map.of("name", "Fraud v" + i));
        }
        JsonNode longChain = api.get(Users.token("alice"), acme.path() + "/audit?limit=5").json().get("chain");

        // what the page does not read: an edit before the latest checkpoint, on no page shown, goes unseen by the
        // page and is found by the full verification
        Database.update("update audit_events set actor_name = 'mallory' where seq = 3 and org_id = " + ORG,
                acme.slug());
        JsonNode afterEdit = api.get(Users.token("alice"), acme.path() + "/audit?limit=5").json().get("chain");
        JsonNode full = api.get(Users.token("alice"), acme.path() + "/audit/verification").json();

        assertThat(shortChain.get("lastSeq").asLong()).isEqualTo(16);
        assertThat(longChain.get("lastSeq").asLong()).isEqualTo(56);
        for (JsonNode chain : List.of(shortChain, longChain, afterEdit)) {
            assertThat(chain.get("verified").asBoolean()).as("%s", chain).isTrue();
            // the test server checkpoints every 8 events; a page re-hashes those since and the 5 it shows
            assertThat(chain.get("lastSeq").asLong() - chain.get("checkpointSeq").asLong()).isLessThan(8);
            assertThat(chain.get("eventsChecked").asLong()).isLessThanOrEqualTo(8 + 5);
        }
        assertThat(full.path("verified").asBoolean()).isFalse();
        assertThat(full.path("firstBrokenSeq").asLong()).isEqualTo(3);
        assertThat(full.path("eventsChecked").asLong()).isEqualTo(3);
    }

    @Test
    void theFullVerificationIsPagedResumableAndForOwnersOnly() {
        TestOrg acme = TestOrg.create(api);
        String verification = acme.path() + "/audit/verification";

        List<JsonNode> pages = new ArrayList<>();
        for (long from = 1; from > 0; ) {
            JsonNode page = api.get(Users.token("alice"), verification + "?from=" + from + "&limit=4").json();
            pages.add(page);
            from = page.path("next").asLong(0);
        }

        assertThat(pages).hasSize(4).allMatch(p -> p.path("verified").asBoolean());
        assertThat(pages).extracting(p -> p.path("from").asLong()).containsExactly(1L, 5L, 9L, 13L);
        assertThat(pages).extracting(p -> p.path("to").asLong()).containsExactly(4L, 8L, 12L, 16L);
        assertThat(pages.stream().mapToLong(p -> p.path("eventsChecked").asLong()).sum()).isEqualTo(16);
        assertThat(pages.stream().mapToLong(p -> p.path("checkpointsChecked").asLong()).sum()).isEqualTo(2);
        for (String user : List.of("bob", "carol", "dave")) {
            Api.Reply refused = api.get(Users.token(user), verification);
            assertThat(refused.status()).as("%s: %s", user, refused).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        Api.Reply outsider = api.get(Users.token("erin"), verification);
        assertThat(outsider.status()).as("%s", outsider).isEqualTo(404);
        for (String bad : List.of("from=0", "from=abc", "limit=0", "limit=10001")) {
            Api.Reply refused = api.get(Users.token("alice"), verification + "?" + bad);
            assertThat(refused.status()).as("%s: %s", bad, refused).isEqualTo(400);
            assertThat(refused.json().path("errors").toString()).contains(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void garbageCollectionWithZeroGraceLeavesAnUploadInFlightAlone() throws Exception {
        TestOrg org = TestOrg.create(api);
        byte[] first = new byte[9 * 1024 * 1024];
        new Random(7).nextBytes(first);
        byte[] rest = "... and the end of the file".getBytes(StandardCharsets.UTF_8);
        CountDownLatch release = new CountDownLatch(1);
        String bob = Users.token("bob");

        Api.Reply collected;
        Api.Reply reply;
        long marksWhileInFlight;
        try (ExecutorService client = Executors.newSingleThreadExecutor()) {
            Future<Api.Reply> upload = client.submit(() -> streamed(bob, org.projectPath()
                    + "/models/in-flight/versions?fileName=weights.bin", new PausingBody(first, rest, release)));
            try {
                // the server has streamed the first part into the store when its multipart upload is open
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (Buckets.openUploads(org) == 0 && Instant.now().isBefore(deadline) && !upload.isDone()) {
                    Thread.onSpinWait();
                }
                assertThat(Buckets.openUploads(org)).as("the upload is writing to the store").isPositive();
                marksWhileInFlight = Long.parseLong(Database.queryForString(
                        "select count(*) from uploads_in_flight where org_id = " + ORG, org.slug()));
                collected = api.post(Users.token("root"), "api/v1/platform/storage/collect?graceSeconds=0", "{}");
            } finally {
                release.countDown();
            }
            reply = upload.get(2, TimeUnit.MINUTES);
        }

        assertThat(marksWhileInFlight).as("marked before its first byte").isEqualTo(1);
        assertThat(collected.status()).as("%s", collected).isEqualTo(200);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        byte[] whole = new byte[first.length + rest.length];
        System.arraycopy(first, 0, whole, 0, first.length);
        System.arraycopy(rest, 0, whole, first.length, rest.length);
        assertThat(uploads.download(bob, org.projectPath() + "/models/in-flight/versions/1/content")).isEqualTo(whole);
        assertThat(Database.queryForString("select count(*) from uploads_in_flight where org_id = " + ORG,
                org.slug())).as("the registration removed the mark").isEqualTo("0");
    }

    @Test
    void contentAnUploadInFlightIsAboutToRegisterSurvivesZeroGraceCollection() {
        TestOrg org = TestOrg.create(api);
        byte[] content = "weights an upload is about to register".getBytes(StandardCharsets.UTF_8);
        String key = Buckets.storeUnregistered(org, content);
        UUID upload = UUID.randomUUID();
        // the state between an upload's storing its bytes and its registration: its mark names the content
        Database.update("insert into uploads_in_flight (org_id, id, started_at, sha256) values (" + ORG
                + ", ?, current_timestamp, ?)", org.slug(), upload, Digests.sha256(content));

        Api.Reply whileInFlight = api.post(Users.token("root"), "api/v1/platform/storage/collect?graceSeconds=0", "{}");
        Set<String> keysWhileInFlight = Buckets.keys(org);
        Database.update("delete from uploads_in_flight where id = ?", upload);
        api.post(Users.token("root"), "api/v1/platform/storage/collect?graceSeconds=0", "{}");

        assertThat(whileInFlight.status()).as("%s", whileInFlight).isEqualTo(200);
        assertThat(keysWhileInFlight).contains(key);
        assertThat(Buckets.keys(org)).as("collected once no upload claims it").doesNotContain(key);
    }

    @Test
    void garbageCollectionRunsAreRecordedInThePlatformAuditTrail() {
        String root = Users.token("root");
        long before = api.get(root, "api/v1/platform/audit?limit=1").json().at("/chain/lastSeq").asLong();

        Api.Reply collected = api.post(root, "api/v1/platform/storage/collect?graceSeconds=0", "{}");
        JsonNode trail = api.get(root, "api/v1/platform/audit?limit=50").json();
        JsonNode full = api.get(root, "api/v1/platform/audit/verification").json();

        assertThat(collected.status()).as("%s", collected).isEqualTo(200);
        List<JsonNode> since = new ArrayList<>();
        trail.get("items").forEach(e -> {
            if (e.get("seq").asLong() > before) {
                since.add(e);
            }
        });
        assertThat(since).anySatisfy(event -> {
            assertThat(event.get("action").asText()).isEqualTo("storage.collected");
            assertThat(event.at("/actor/username").asText()).isEqualTo("root");
            assertThat(event.at("/after/graceSeconds").asLong()).isZero();
            assertThat(event.at("/after/removed")).isEqualTo(collected.json());
        });
        assertThat(trail.at("/chain/verified").asBoolean()).isTrue();
        assertThat(full.path("verified").asBoolean()).as("%s", full).isTrue();
        for (String user : List.of("alice", "bob", "erin")) {
            assertThat(api.get(Users.token(user), "api/v1/platform/audit").status()).as(user).isEqualTo(403);
            assertThat(api.get(Users.token(user), "api/v1/platform/audit/verification").status()).as(user)
                    .isEqualTo(403);
        }
    }

    /**
     * Posts a body as it is read, over HTTP/1.1: an HTTP/2 upgrade would make the server wait for the whole body
     * before the request begins.
     */
    private Api.Reply streamed(String token, String path, InputStream body)
            throws IOException, InterruptedException, URISyntaxException {
        URI target = new URI(base.toString().replaceAll("/+$", "") + "/").resolve(path);
        HttpRequest request = HttpRequest.newBuilder(target)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    null, response.body());
        }
    }

    /** The organization's id, for SQL that takes its slug as the last parameter. */
    private static final String ORG = "(select id from organizations where slug = ?)";

    /** A body that sends {@code first}, then waits until {@code release} before sending {@code rest}. */
    private static final class PausingBody extends InputStream {

        private final InputStream first;
        private final InputStream rest;
        private final CountDownLatch release;

        PausingBody(byte[] first, byte[] rest, CountDownLatch release) {
            this.first = new ByteArrayInputStream(first);
            this.rest = new ByteArrayInputStream(rest);
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = first.read(buffer, offset, length);
            if (read >= 0) {
                return read;
            }
            try {
                if (!release.await(2, TimeUnit.MINUTES)) {
                    throw new IOException("the test never released the rest of the body");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return rest.read(buffer, offset, length);
        }
    }

    private int count(TestOrg org) {
        return api.get(Users.token("alice"), org.path() + "/audit?limit=500").json().get("items").size();
    }

    private static List<String> actions(JsonNode trail) {
        List<String> actions = new ArrayList<>();
        trail.get("items").forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }
}
