package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Promotions with real tokens: who may request, approve (four eyes) and roll back; what the evidence and the
 * gates say; and that racing approvals leave one holder and a history without gaps. Each test has a fresh
 * organization in which bob is data-scientist, carol manager, alice admin (and owner), dave viewer.
 */
class PromotionsIT extends ApiTestBase {

    private TestOrg acme;

    @BeforeEach
    void aFreshOrganization() {
        acme = TestOrg.create(api);
    }

    @Test
    void fromUploadToProductionAndBackWithFourEyes() {
        upload("bob", "scorer", 0.90);
        upload("bob", "scorer", 0.92);

        Api.Reply first = request("bob", "scorer", 1, "production", "baseline is good enough");
        String firstId = first.json().path("id").asText();
        Api.Reply bobApproves = decide("bob", firstId, "approve", "looks fine to me");
        JsonNode asBobSeesIt = api.get(Users.token("bob"), promotion(firstId)).json();
        Api.Reply carolApproves = decide("carol", firstId, "approve", "checked the metrics");
        JsonNode afterFirst = model("scorer");
        Api.Reply second = request("bob", "scorer", 2, "production", "two points better");
        Api.Reply secondApproved = decide("carol", second.json().path("id").asText(), "approve", "ok");
        int holderAfterSecond = model("scorer").path("production").asInt();
        Api.Reply rollback = api.post(Users.token("carol"), stage("scorer", "production") + "/rollback",
                Map.of("reason", "v2 misbehaves on weekend traffic"));
        JsonNode afterRollback = model("scorer");
        JsonNode history = api.get(Users.token("dave"), stage("scorer", "production") + "/history").json();
        Api.Reply rollBackFurther = api.post(Users.token("carol"), stage("scorer", "production") + "/rollback",
                Map.of("reason", "again"));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().path("state").asText()).isEqualTo("pending");
        assertThat(first.json().at("/evidence/candidate/metrics/accuracy").asDouble()).isEqualTo(0.90);
        assertThat(bobApproves.status()).as("%s", bobApproves).isEqualTo(403);
        assertThat(bobApproves.json().path("detail").asText()).contains("four eyes").contains("requested");
        assertThat(asBobSeesIt.at("/yourApproval/allowed").asBoolean()).isFalse();
        assertThat(asBobSeesIt.at("/yourApproval/reason").asText()).contains("four eyes");
        assertThat(carolApproves.status()).as("%s", carolApproves).isEqualTo(200);
        assertThat(carolApproves.json().path("state").asText()).isEqualTo("approved");
        assertThat(afterFirst.path("production").asInt()).isEqualTo(1);
        assertThat(second.json().at("/evidence/current/version").asInt()).as("the evidence shows the holder")
                .isEqualTo(1);
        assertThat(second.json().at("/evidence/current/metrics/accuracy").asDouble()).isEqualTo(0.90);
        assertThat(secondApproved.status()).as("%s", secondApproved).isEqualTo(200);
        assertThat(holderAfterSecond).isEqualTo(2);
        assertThat(rollback.status()).as("%s", rollback).isEqualTo(200);
        assertThat(afterRollback.path("production").asInt()).isEqualTo(1);
        assertThat(stageOf(afterRollback, 2)).as("the rolled-back version").isEqualTo("development");
        assertThat(stageOf(afterRollback, 1)).isEqualTo("production");
        JsonNode changes = history.path("items");
        assertThat(changes.findValuesAsText("cause")).containsExactly("rollback", "promotion", "promotion");
        assertThat(changes.get(0).path("fromVersion").asInt()).isEqualTo(2);
        assertThat(changes.get(0).path("toVersion").asInt()).isEqualTo(1);
        assertThat(changes.get(0).at("/actor/name").asText()).isEqualTo("carol");
        assertThat(changes.get(0).at("/actor/kind").asText()).isEqualTo("person");
        assertThat(changes.get(0).path("reason").asText()).isEqualTo("v2 misbehaves on weekend traffic");
        assertThat(changes.get(1).path("reason").asText()).isEqualTo("two points better");
        assertThat(changes.get(2).has("fromVersion")).as("nothing held production before v1").isFalse();
        assertGapless(changes);
        assertThat(rollBackFurther.status()).isEqualTo(409);
        assertThat(rollBackFurther.json().path("code").asText()).isEqualTo("nothing-to-roll-back");
        JsonNode audit = api.get(Users.token("alice"), acme.path() + "/audit?limit=100").json();
        assertThat(audit.path("items").findValuesAsText("action")).contains("promotion.requested",
                "promotion.approved", "stage.changed", "stage.rolled-back");
        assertThat(audit.at("/items/0/actor/kind").asText()).isEqualTo("person");
        assertThat(api.get(Users.token("alice"), acme.path() + "/audit/verification").json().path("verified")
                .asBoolean()).as("the audit chain verifies").isTrue();
    }

    @Test
    void aGateBlocksAWorseCandidateUnlessAnAdminOverridesItAndABrokenGateIsRefused() {
        Api.Reply broken = putPolicy(false, List.of(Map.of("name", "broken",
                "expression", "candidate.metrics.accuracy >=")));
        Api.Reply saved = putPolicy(false, List.of(Map.of("name", "accuracy-not-worse",
                "expression", "candidate.metrics.accuracy >= production.metrics.accuracy - 0.005")));
        upload("bob", "gated", 0.90);
        upload("bob", "gated", 0.92);
        upload("bob", "gated", 0.80);
        approve(request("bob", "gated", 1, "production", "first").json().path("id").asText());
        Api.Reply better = request("bob", "gated", 2, "production", "better");
        Api.Reply worse = request("bob", "gated", 3, "production", "worse, but faster");
        String worseId = worse.json().path("id").asText();
        Api.Reply carolApproves = decide("carol", worseId, "approve", "fine");
        Api.Reply noOverride = putPolicy(true, List.of(Map.of("name", "accuracy-not-worse",
                "expression", "candidate.metrics.accuracy >= production.metrics.accuracy - 0.005")));
        Api.Reply carolAgain = decide("carol", worseId, "approve", "fine");
        Api.Reply aliceWithoutReason = decide("alice", worseId, "approve", "fine");
        Api.Reply aliceOverrides = api.post(Users.token("alice"), promotion(worseId) + "/approve",
                Map.of("comment", "latency matters more this quarter", "overrideReason",
                        "accepted accuracy loss for the latency win"));
        JsonNode history = api.get(Users.token("bob"), stage("gated", "production") + "/history").json();

        assertThat(broken.status()).as("%s", broken).isEqualTo(400);
        assertThat(broken.json().path("code").asText()).isEqualTo("invalid-gate");
        assertThat(broken.json().at("/errors/0/field").asText()).isEqualTo("gates[0].expression");
        assertThat(broken.json().path("detail").asText()).contains("broken").contains("line 1, column");
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        assertThat(better.json().path("gatesPassed").asBoolean()).isTrue();
        assertThat(worse.status()).as("a request whose gates fail can be made").isEqualTo(201);
        assertThat(worse.json().path("gatesPassed").asBoolean()).isFalse();
        JsonNode gate = worse.json().at("/evidence/gates/0");
        assertThat(gate.path("name").asText()).isEqualTo("accuracy-not-worse");
        assertThat(gate.at("/values/candidate.metrics.accuracy").asDouble()).isEqualTo(0.80);
        assertThat(gate.at("/values/production.metrics.accuracy").asDouble()).isEqualTo(0.90);
        assertThat(gate.path("reason").asText()).contains("0.8").contains("0.9");
        assertThat(carolApproves.status()).as("%s", carolApproves).isEqualTo(403);
        assertThat(carolApproves.json().path("detail").asText()).contains("gates failed")
                .contains("accuracy-not-worse");
        assertThat(noOverride.status()).isEqualTo(200);
        assertThat(carolAgain.status()).isEqualTo(403);
        assertThat(carolAgain.json().path("detail").asText()).contains("only a project admin");
        assertThat(aliceWithoutReason.status()).isEqualTo(403);
        assertThat(aliceWithoutReason.json().path("detail").asText()).contains("written reason");
        assertThat(aliceOverrides.status()).as("%s", aliceOverrides).isEqualTo(200);
        assertThat(aliceOverrides.json().path("overrideReason").asText())
                .isEqualTo("accepted accuracy loss for the latency win");
        assertThat(model("gated").path("production").asInt()).isEqualTo(3);
        assertThat(history.at("/items/0/cause").asText()).isEqualTo("override");
        assertThat(history.at("/items/0/reason").asText()).isEqualTo("accepted accuracy loss for the latency win");
        assertThat(api.get(Users.token("bob"), promotion(better.json().path("id").asText())).json()
                .path("state").asText()).as("the request the override overtook").isEqualTo("superseded");
    }

    @Test
    void anAuthorMayNotApproveTheirOwnVersionWhoeverRequestedIt() {
        upload("alice", "authored", 0.9);
        Api.Reply aliceRequests = request("alice", "authored", 1, "production", "mine");
        Api.Reply carolApproves = decide("carol", aliceRequests.json().path("id").asText(), "approve", "ok");
        upload("carol", "authored", 0.95);
        Api.Reply aliceRequestsCarols = request("alice", "authored", 2, "production", "carol's is better");
        Api.Reply carolApprovesHerOwn = decide("carol", aliceRequestsCarols.json().path("id").asText(), "approve",
                "of course");

        assertThat(carolApproves.status()).as("%s", carolApproves).isEqualTo(200);
        assertThat(carolApprovesHerOwn.status()).as("%s", carolApprovesHerOwn).isEqualTo(403);
        assertThat(carolApprovesHerOwn.json().path("detail").asText()).contains("You uploaded version 2");
        assertThat(model("authored").path("production").asInt()).isEqualTo(1);
    }

    @Test
    void racingApprovalsForOneStageLeaveExactlyOneHolderAndAHistoryWithoutGaps() throws Exception {
        int racers = 20;
        List<String> ids = new ArrayList<>();
        for (int v = 1; v <= racers; v++) {
            upload("bob", "raced", 0.5 + v / 100.0);
            ids.add(request("bob", "raced", v, "production", "racer " + v).json().path("id").asText());
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Reply>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String approver = i % 2 == 0 ? "carol" : "alice";
            String id = ids.get(i);
            answers.add(pool.submit((Callable<Api.Reply>) () -> decide(approver, id, "approve", "race")));
        }
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> answer : answers) {
            replies.add(answer.get());
        }
        pool.shutdown();

        assertThat(replies.stream().filter(r -> r.status() == 200)).as("%s", replies).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() != 200))
                .allSatisfy(r -> {
                    assertThat(r.status()).as("%s", r).isEqualTo(409);
                    assertThat(r.json().path("code").asText()).isIn("promotion-superseded", "stage-changed");
                });
        JsonNode model = model("raced");
        assertThat(model.path("production").isInt()).isTrue();
        long holders = 0;
        for (JsonNode version : model.at("/versions/items")) {
            holders += "production".equals(version.path("stage").asText()) ? 1 : 0;
        }
        assertThat(holders).isEqualTo(1);
        JsonNode states = api.get(Users.token("dave"), acme.projectPath() + "/promotions?limit=100").json();
        assertThat(states.path("items").findValuesAsText("state").stream().filter("approved"::equals)).hasSize(1);
        assertThat(states.path("items").findValuesAsText("state").stream().filter("superseded"::equals))
                .hasSize(racers - 1);
        JsonNode history = api.get(Users.token("dave"), stage("raced", "production") + "/history").json();
        assertThat(history.path("items")).hasSize(1);
        assertGapless(history.path("items"));
    }

    @Test
    void promotingTheStagingHolderToProductionEmptiesStagingAndBothHistoriesSaySo() {
        upload("bob", "staged", 0.9);
        request("bob", "staged", 1, "staging", "try it");
        approve(request("bob", "staged", 1, "production", "it held up on staging").json().path("id").asText());

        JsonNode model = model("staged");
        JsonNode staging = api.get(Users.token("dave"), stage("staged", "staging") + "/history").json().path("items");

        assertThat(model.path("production").asInt()).isEqualTo(1);
        assertThat(model.has("staging")).as("staging is empty").isFalse();
        assertThat(staging).hasSize(2);
        assertThat(staging.get(0).path("fromVersion").asInt()).isEqualTo(1);
        assertThat(staging.get(0).has("toVersion")).isFalse();
        assertThat(staging.get(0).path("previousHolderTo").asText()).isEqualTo("production");
        assertGapless(staging);
    }

    @Test
    void viewersAndOutsidersCannotRequestDecideOrRollBack() {
        upload("bob", "guarded", 0.9);
        String id = request("bob", "guarded", 1, "production", "please").json().path("id").asText();

        for (String user : List.of("dave", "erin")) {
            int expected = user.equals("dave") ? 403 : 404;
            assertThat(request(user, "guarded", 1, "staging", "me too").status()).as(user).isEqualTo(expected);
            assertThat(decide(user, id, "approve", "yes").status()).as(user).isEqualTo(expected);
            assertThat(decide(user, id, "reject", "no").status()).as(user).isEqualTo(expected);
            assertThat(api.post(Users.token(user), stage("guarded", "production") + "/rollback",
                    Map.of("reason", "x")).status()).as(user).isEqualTo(expected);
        }
        assertThat(decide("bob", id, "reject", "changed my mind").status()).as("rejecting needs a manager")
                .isEqualTo(403);
        assertThat(api.get(Users.token("erin"), acme.projectPath() + "/promotions").status()).isEqualTo(404);
        assertThat(api.get(Users.token("dave"), promotion(id)).json().path("state").asText()).isEqualTo("pending");
    }

    @Test
    void requestsAreCheckedAndStagingMovesAtOnceUnderTheDefaultPolicy() {
        upload("bob", "checked", 0.9);

        Api.Reply unknownModel = request("bob", "nothing-here", 1, "production", "x");
        Api.Reply unknownVersion = request("bob", "checked", 7, "production", "x");
        Api.Reply wrongStage = request("bob", "checked", 1, "archived", "x");
        Api.Reply noReason = api.post(Users.token("bob"), acme.projectPath() + "/promotions",
                Map.of("model", "checked", "version", 1, "targetStage", "production"));
        Api.Reply toStaging = request("bob", "checked", 1, "staging", "try it on staging");
        Api.Reply again = request("bob", "checked", 1, "staging", "again");
        Api.Reply toProduction = request("bob", "checked", 1, "production", "ship it");
        Api.Reply twice = request("bob", "checked", 1, "production", "ship it twice");
        Api.Reply rejected = decide("carol", toProduction.json().path("id").asText(), "reject", "not yet");
        Api.Reply rejectedAgain = decide("alice", toProduction.json().path("id").asText(), "approve", "yes");
        Api.Reply rejectWithoutComment = api.post(Users.token("carol"), promotion(UUID.randomUUID().toString())
                + "/reject", Map.of());

        assertThat(unknownModel.status()).isEqualTo(404);
        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(unknownVersion.json().path("detail").asText()).contains("no version 7");
        assertThat(wrongStage.status()).isEqualTo(400);
        assertThat(wrongStage.json().at("/errors/0/field").asText()).isEqualTo("targetStage");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("justification");
        assertThat(toStaging.status()).as("%s", toStaging).isEqualTo(201);
        assertThat(toStaging.json().path("state").asText()).as("staging needs no approval by default")
                .isEqualTo("approved");
        assertThat(model("checked").path("staging").asInt()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("already-in-stage");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("code").asText()).isEqualTo("already-requested");
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        assertThat(rejected.json().path("state").asText()).isEqualTo("rejected");
        assertThat(rejectedAgain.status()).isEqualTo(409);
        assertThat(rejectWithoutComment.status()).isEqualTo(404);
        assertThat(api.get(Users.token("dave"), acme.projectPath() + "/promotions?state=bogus").status())
                .isEqualTo(400);
        assertThat(api.get(Users.token("dave"), acme.projectPath() + "/promotions?state=rejected").json()
                .path("items").findValuesAsText("justification")).containsExactly("ship it");
    }

    private void upload(String user, String model, double accuracy) {
        byte[] bytes = ("model " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Api.Reply reply = uploads.multipart(Users.token(user), acme.projectPath() + "/models/" + model + "/versions",
                "{\"metrics\": {\"accuracy\": " + accuracy + "}}", model + ".pkl", bytes);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    private Api.Reply request(String user, String model, int version, String stage, String justification) {
        return api.post(Users.token(user), acme.projectPath() + "/promotions", Map.of("model", model,
                "version", version, "targetStage", stage, "justification", justification));
    }

    private Api.Reply decide(String user, String id, String decision, String comment) {
        return api.post(Users.token(user), promotion(id) + "/" + decision, Map.of("comment", comment));
    }

    private void approve(String id) {
        Api.Reply approved = decide("carol", id, "approve", "ok");
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
    }

    private Api.Reply putPolicy(boolean adminOverride, List<Map<String, String>> gates) {
        return api.put(Users.token("alice"), acme.projectPath() + "/policy", Map.of("stagingRequiresApproval", false,
                "productionApprovals", 1, "previousHolderTo", "development", "gates", gates,
                "gatesWithoutProduction", "pass", "adminOverride", adminOverride));
    }

    private String promotion(String id) {
        return acme.projectPath() + "/promotions/" + id;
    }

    private String stage(String model, String stage) {
        return acme.projectPath() + "/models/" + model + "/stages/" + stage;
    }

    private JsonNode model(String name) {
        return api.get(Users.token("dave"), acme.projectPath() + "/models/" + name + "?limit=100").json();
    }

    private static String stageOf(JsonNode model, int version) {
        for (JsonNode v : model.at("/versions/items")) {
            if (v.path("version").asInt() == version) {
                return v.path("stage").asText();
            }
        }
        throw new AssertionError("no version " + version);
    }

    /** Newest first: each change starts where the one before it ended, and seq counts down by one. */
    private static void assertGapless(JsonNode newestFirst) {
        for (int i = 0; i + 1 < newestFirst.size(); i++) {
            JsonNode later = newestFirst.get(i);
            JsonNode earlier = newestFirst.get(i + 1);
            assertThat(later.path("seq").asInt()).isEqualTo(earlier.path("seq").asInt() + 1);
            assertThat(later.path("fromVersion").asInt()).isEqualTo(earlier.path("toVersion").asInt());
        }
        assertThat(newestFirst.get(newestFirst.size() - 1).path("seq").asInt()).isEqualTo(1);
    }
}
