package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Deploying;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managing deployments with real tokens: who may create, change and remove which (production needs a manager),
 * what a bad request is told, and that every change is audited. bob is data-scientist, carol manager, dave viewer,
 * erin of another organization.
 */
class DeploymentsIT extends ApiTestBase {

    @TempDir
    Path scratch;

    private TestOrg acme;
    private Deploying deploying;

    @BeforeEach
    void aFreshOrganizationWithAModel() {
        acme = TestOrg.create(api);
        deploying = new Deploying(api, uploads, acme);
        deploying.upload("iris", Deploying.irisModel(scratch, "v1"));
    }

    @Test
    void aProductionDeploymentIsAManagersAndEveryChangeIsAudited() {
        Api.Reply bobForProduction = create("bob", Map.of("name", "scorer", "model", "iris", "stage", "production"));
        Api.Reply bobPinned = create("bob", Map.of("name", "try-v1", "model", "iris", "version", 1));
        Api.Reply carolForProduction = create("carol", Map.of("name", "scorer", "model", "iris", "stage", "production"));
        Api.Reply bobChangesProduction = api.patch(Users.token("bob"), deployment("scorer"), Map.of("viewersMayInfer", true));
        Api.Reply bobRebindsHisToProduction = api.patch(Users.token("bob"), deployment("try-v1"), Map.of("stage", "production"));
        Api.Reply carolChanges = api.patch(Users.token("carol"), deployment("scorer"), Map.of("viewersMayInfer", true));
        JsonNode asDaveSeesThem = api.get(Users.token("dave"), acme.projectPath() + "/deployments").json();
        Api.Reply daveCreates = create("dave", Map.of("name", "mine", "model", "iris", "version", 1));
        Api.Reply erinReads = api.get(Users.token("erin"), deployment("scorer"));
        Api.Reply bobRemoves = api.delete(Users.token("bob"), deployment("try-v1"));
        Api.Reply gone = api.get(Users.token("bob"), deployment("try-v1"));

        assertThat(bobForProduction.status()).as("%s", bobForProduction).isEqualTo(403);
        assertThat(bobForProduction.json().path("detail").asText()).contains("managed by managers");
        assertThat(bobPinned.status()).as("%s", bobPinned).isEqualTo(201);
        assertThat(bobPinned.location()).endsWith(deployment("try-v1"));
        assertThat(bobPinned.json().path("version").asInt()).isEqualTo(1);
        assertThat(bobPinned.json().has("stage")).isFalse();
        assertThat(bobPinned.json().path("baseUrl").asText()).isEqualTo("/" + acme.projectPath() + "/serving/v2");
        assertThat(carolForProduction.status()).as("%s", carolForProduction).isEqualTo(201);
        assertThat(carolForProduction.json().path("state").asText()).isEqualTo("pending");
        assertThat(bobChangesProduction.status()).isEqualTo(403);
        assertThat(bobRebindsHisToProduction.status()).isEqualTo(403);
        assertThat(carolChanges.status()).as("%s", carolChanges).isEqualTo(200);
        assertThat(carolChanges.json().path("viewersMayInfer").asBoolean()).isTrue();
        assertThat(asDaveSeesThem.path("items").findValuesAsText("name")).containsExactly("scorer", "try-v1");
        assertThat(daveCreates.status()).isEqualTo(403);
        assertThat(erinReads.status()).isEqualTo(404);
        assertThat(bobRemoves.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(deploymentActions()).containsSubsequence("deployment.deleted", "deployment.updated",
                "deployment.created", "deployment.created");
    }

    @Test
    void deploymentsServeOnTheLocalCpuPoolWhichTheOldNameLocalStillNames() {
        Api.Reply byDefault = create("bob", Map.of("name", "default-pool", "model", "iris", "version", 1));
        Api.Reply byOldName = create("bob", Map.of("name", "old-pool", "model", "iris", "version", 1, "pool", "local"));
        Api.Reply onKubernetes = create("bob", Map.of("name", "k8s", "model", "iris", "version", 1, "pool", "h100"));

        assertThat(byDefault.json().path("pool").asText()).isEqualTo("local-cpu");
        assertThat(byOldName.status()).as("%s", byOldName).isEqualTo(201);
        assertThat(byOldName.json().path("pool").asText()).isEqualTo("local-cpu");
        assertThat(onKubernetes.status()).isEqualTo(400);
        assertThat(onKubernetes.json().path("detail").asText()).contains("pool: 'h100' cannot serve here");
    }

    @Test
    void aProductionDeploymentWaitsForAHolderAndSaysSo() {
        create("carol", Map.of("name", "scorer", "model", "iris", "stage", "production"));

        JsonNode pending = deploying.await("scorer", d -> d.path("reason").asText().contains("Nothing holds production"));

        assertThat(pending.path("state").asText()).isEqualTo("pending");
        assertThat(pending.has("servingVersion")).isFalse();
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        uploads.raw(Users.token("bob"), acme.projectPath() + "/models/iris/versions?fileName=old.pkl",
                "application/octet-stream", "not onnx".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        create("bob", Map.of("name", "taken", "model", "iris", "version", 1));

        assertRefused(Map.of("name", "x", "model", "iris", "stage", "production", "version", 1), 400, "version");
        assertRefused(Map.of("name", "x", "model", "iris"), 400, "stage");
        assertRefused(Map.of("name", "x", "model", "iris", "stage", "qa"), 400, "stage");
        assertRefused(Map.of("name", "x", "model", "nope", "version", 1), 400, "model");
        assertRefused(Map.of("name", "Not A Slug", "model", "iris", "version", 1), 400, "name");
        assertRefused(Map.of("name", "x", "model", "iris", "version", 9), 400, "version");
        assertRefused(Map.of("name", "x", "model", "iris", "version", 1, "pool", "gpu-a100"), 400, "pool");
        assertRefused(Map.of("name", "x", "model", "iris", "version", 1, "replicas", 3), 400, "replicas");
        assertRefused(Map.of("name", "x", "model", "iris", "version", 1, "batching", Map.of("maxDelayMs", 500)), 400,
                "batching.maxDelayMs");
        Api.Reply pickle = create("bob", Map.of("name", "x", "model", "iris", "version", 2));
        assertThat(pickle.status()).as("%s", pickle).isEqualTo(422);
        assertThat(pickle.json().path("detail").asText()).contains("only ONNX models are served");
        Api.Reply twice = create("bob", Map.of("name", "taken", "model", "iris", "version", 1));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(api.get(Users.token("bob"), acme.projectPath() + "/deployments").json().path("items")
                .findValuesAsText("name")).as("nothing half-made").containsExactly("taken");
    }

    private void assertRefused(Map<String, Object> body, int status, String field) {
        Api.Reply reply = create("bob", body);
        assertThat(reply.status()).as("%s -> %s", body, reply).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().path("errors").findValuesAsText("field")).as("%s -> %s", body, reply).contains(field);
    }

    private Api.Reply create(String user, Map<String, Object> body) {
        return api.post(Users.token(user), acme.projectPath() + "/deployments", body);
    }

    private String deployment(String name) {
        return acme.projectPath() + "/deployments/" + name;
    }

    private List<String> deploymentActions() {
        JsonNode trail = api.get(Users.token("alice"), acme.path() + "/audit?limit=500").json();
        List<String> actions = new ArrayList<>();
        trail.get("items").forEach(e -> {
            if (e.get("action").asText().startsWith("deployment.")) {
                actions.add(e.get("action").asText());
            }
        });
        return actions;
    }
}
