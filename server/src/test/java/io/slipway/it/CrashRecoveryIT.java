package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.Buckets;
import io.slipway.it.support.Database;
import io.slipway.it.support.Digests;
import io.slipway.it.support.SecondServer;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Uploads;
import io.slipway.it.support.StallingBody;
import io.slipway.it.support.Users;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The server is killed ({@code kill -9}) while uploads stream and registrations commit. It runs its own
 * Slipway (the packaged server, beside the one Arquillian manages, on the same Keycloak, store and — on
 * PostgreSQL — database, as a second pod would), kills it, starts it again and checks what a user and an
 * auditor would: no version points at a missing object, the audit chain verifies, and garbage collection
 * leaves exactly the registered content.
 */
class CrashRecoveryIT {

    private static final long MIB = 1024 * 1024;

    @Test
    void killedDuringUploadsAndRegistrationsLeavesNoBrokenVersionNorOrphan() throws Exception {
        try (SecondServer server = SecondServer.named("crash-server")) {
            server.settings().put("SLIPWAY_ARTIFACTS_GC_GRACE", "PT1H");
            killAndRestart(server.start().awaitReady());
        }
    }

    private static void killAndRestart(SecondServer server) throws Exception {
        URI base = server.base();
        Api api = new Api(base);
        Uploads uploads = new Uploads(base);
        Set<String> bucketsBefore = Buckets.all();
        TestOrg org = TestOrg.create(api);
        String bob = Users.token("bob");
        assertThat(uploads.raw(bob, org.projectPath() + "/datasets/small/versions?fileName=a.csv", "text/csv",
                csv(0)).status()).isEqualTo(201);
        Set<String> created = new HashSet<>(Buckets.all());
        created.removeAll(bucketsBefore);
        assertThat(created).as("the organization's bucket").hasSize(1);
        String bucket = created.iterator().next();

        // a large upload stops half way; small ones keep registering until the server dies
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        CompletableFuture<Void> large = CompletableFuture.runAsync(() -> uploads.chunked(bob,
                org.projectPath() + "/datasets/large/versions?fileName=large.bin",
                () -> new StallingBody(40 * MIB, 24 * MIB, halfSent, never)));
        AtomicBoolean alive = new AtomicBoolean(true);
        List<CompletableFuture<Void>> small = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            int offset = client * 100_000;
            small.add(CompletableFuture.runAsync(() -> {
                for (int i = 1; alive.get() && i < 100_000; i++) {
                    uploads.raw(bob, org.projectPath() + "/datasets/small/versions?fileName=s.csv", "text/csv",
                            csv(offset + i));
                }
            }));
        }
        assertThat(halfSent.await(2, TimeUnit.MINUTES)).as("24 MiB of the large upload were sent").isTrue();
        server.kill();
        alive.set(false);
        never.countDown();
        for (CompletableFuture<Void> client : small) {
            client.handle((ok, failure) -> null).get(2, TimeUnit.MINUTES); // calls to a dead server fail
        }
        large.handle((ok, failure) -> null).get(2, TimeUnit.MINUTES);

        server.start().awaitReady();

        String alice = Users.token("alice");
        Set<String> registered = new HashSet<>();
        for (String dataset : List.of("small", "large")) {
            Api.Reply listing = api.get(bob, org.projectPath() + "/datasets/" + dataset + "?limit=500");
            if (dataset.equals("large")) {
                assertThat(listing.status()).as("the killed large upload registered nothing: %s", listing)
                        .isEqualTo(404);
                continue;
            }
            assertThat(listing.status()).isEqualTo(200);
            assertThat(listing.json().path("versions").hasNonNull("nextCursor")).as("one page holds all").isFalse();
            for (JsonNode version : listing.json().path("versions").path("items")) {
                String sha256 = version.path("sha256").asText();
                byte[] content = uploads.download(bob, org.projectPath() + "/datasets/" + dataset + "/versions/"
                        + version.path("version").asInt() + "/content");
                assertThat(Digests.sha256(content)).as("version %s downloads its bytes", version.path("version"))
                        .isEqualTo(sha256);
                registered.add("sha256/" + sha256);
            }
        }
        assertThat(registered).as("versions registered before the kill").isNotEmpty();
        JsonNode audit = api.get(alice, org.path() + "/audit?limit=1").json();
        assertThat(audit.path("chain").path("verified").asBoolean()).as("%s", audit.path("chain")).isTrue();

        // the killed uploads' marks keep their leftovers from garbage collection until the grace (an hour here)
        // has passed: let an hour pass for them
        Database.updateAt(server.databaseUrl(), "update uploads_in_flight set started_at = ?",
                OffsetDateTime.now().minusHours(2));
        Api.Reply collected = api.post(Users.token("root"), "api/v1/platform/storage/collect?graceSeconds=0",
                Map.of());
        assertThat(collected.status()).as("%s", collected).isEqualTo(200);
        assertThat(Buckets.keys(bucket)).as("after garbage collection only registered content remains")
                .isEqualTo(registered);
        assertThat(Buckets.openUploads(bucket)).as("no incomplete multipart upload survives").isZero();
    }

    private static byte[] csv(int row) {
        return ("id,amount\n" + row + "," + row + ".25\n").getBytes(StandardCharsets.UTF_8);
    }
}
