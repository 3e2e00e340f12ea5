package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Deploying;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Uploads;
import io.slipway.it.support.Users;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller, with tokens issued by the real Keycloak: alice (owner, project
 * admin), bob (data-scientist), carol (manager), dave (viewer), erin (another organization), and for
 * platform operations root (platform admin). One generated test per (endpoint, user), and a check that
 * every {@link io.slipway.auth.Operation} of the access policy has a row here.
 */
class RoleMatrixIT extends ApiTestBase {

    private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin");
    /** Platform operations are also tried as root (tenant rows are not: root is no member of the organization). */
    private static final List<String> PLATFORM_USERS = List.of("alice", "bob", "carol", "dave", "erin", "root");
    private static final String DATASET = "matrix-data";
    private static final String MODEL = "matrix-model";
    private static final byte[] CSV = "id,amount\n1,9.5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final String SERVED_MODEL = "matrix-onnx";
    private static final String DEPLOYMENT = "matrix-serving";
    private static final Map<String, Object> FLOWER = Map.of("inputs", List.of(Map.of("name", "input",
            "shape", List.of(1, 4), "datatype", "FP32", "data", List.of(5.1, 3.5, 1.4, 0.2))));

    private static TestOrg acme;
    private static String webhook;

    @BeforeEach
    void createTheOrganization() {
        if (acme == null) {
            acme = TestOrg.create(api);
            String bob = Users.token("bob");
            assertThat(uploads.raw(bob, acme.projectPath() + "/datasets/" + DATASET + "/versions?fileName=d.csv",
                    "text/csv", CSV).status()).isEqualTo(201);
            assertThat(uploads.raw(bob, acme.projectPath() + "/models/" + MODEL + "/versions?fileName=m.pkl",
                    "application/octet-stream", CSV).status()).isEqualTo(201);
            Deploying deploying = new Deploying(api, uploads, acme);
            deploying.upload(SERVED_MODEL, Deploying.irisModel(scratch(), "matrix"));
            assertThat(api.post(bob, acme.projectPath() + "/deployments", Map.of("name", DEPLOYMENT, "model",
                    SERVED_MODEL, "version", 1)).status()).isEqualTo(201);
            deploying.awaitServing(DEPLOYMENT, 1);
            Api.Reply created = api.post(Users.token("alice"), acme.projectPath() + "/webhooks", WEBHOOK);
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            webhook = acme.projectPath() + "/webhooks/" + created.json().path("id").asText();
        }
    }

    /** A webhook that receives nothing (disabled), at an address the test server allows. */
    private static final Map<String, Object> WEBHOOK = Map.of("url", "http://127.0.0.1:9/matrix", "enabled", false);

    /** An endpoint, the access-policy operation(s) it performs, how to call it, the status each user gets. */
    record Operation(String name, Set<io.slipway.auth.Operation> covers, Function<Call, Api.Reply> perform,
                     Map<String, Integer> expected) {
        Operation(String name, io.slipway.auth.Operation covers, Function<Call, Api.Reply> perform,
                  Map<String, Integer> expected) {
            this(name, Set.of(covers), perform, expected);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What an operation needs to run: the clients, the caller's token, the organization. */
    record Call(Api api, Uploads uploads, String token, TestOrg org) {
    }

    private static Map<String, Integer> expect(int alice, int bob, int carol, int dave, int erin) {
        return Map.of("alice", alice, "bob", bob, "carol", carol, "dave", dave, "erin", erin);
    }

    private static Map<String, Integer> expect(int alice, int bob, int carol, int dave, int erin, int root) {
        return Map.of("alice", alice, "bob", bob, "carol", carol, "dave", dave, "erin", erin, "root", root);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation operation : operations()) {
            for (String user : operation.expected().size() == USERS.size() ? USERS : PLATFORM_USERS) {
                cases.add(Arguments.of(operation, user));
            }
        }
        return cases.stream();
    }

    @Test
    void everyOperationOfTheAccessPolicyHasARow() {
        Set<io.slipway.auth.Operation> covered = EnumSet.noneOf(io.slipway.auth.Operation.class);
        operations().forEach(operation -> covered.addAll(operation.covers()));

        assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).as("operations without a row in the matrix")
                .isEmpty();
    }

    private static List<Operation> operations() {
        String dataset = "/datasets/" + DATASET;
        String model = "/models/" + MODEL;
        return List.of(
                // reads
                new Operation("read organization", io.slipway.auth.Operation.ORG_READ, c -> c.api.get(c.token, c.org.path()),
                        expect(200, 200, 200, 200, 404)),
                new Operation("list organization members", io.slipway.auth.Operation.ORG_MEMBER_LIST, c -> c.api.get(c.token, c.org.path() + "/members"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("read the organization's settings", io.slipway.auth.Operation.ORG_READ,
                        c -> c.api.get(c.token, c.org.path() + "/settings"), expect(200, 200, 200, 200, 404)),
                new Operation("list projects", io.slipway.auth.Operation.PROJECT_LIST, c -> c.api.get(c.token, c.org.path() + "/projects"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("read project", io.slipway.auth.Operation.PROJECT_READ, c -> c.api.get(c.token, c.org.projectPath()),
                        expect(200, 200, 200, 200, 404)),
                new Operation("list project members", io.slipway.auth.Operation.PROJECT_MEMBER_LIST, c -> c.api.get(c.token, c.org.projectPath() + "/members"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("read the organization's audit trail", io.slipway.auth.Operation.ORG_AUDIT_READ, c -> c.api.get(c.token, c.org.path() + "/audit"),
                        expect(200, 403, 403, 403, 404)),
                new Operation("read the project's audit trail", io.slipway.auth.Operation.PROJECT_AUDIT_READ,
                        c -> c.api.get(c.token, c.org.path() + "/audit?project=" + c.org.project()),
                        expect(200, 200, 200, 200, 404)),
                // mutations
                new Operation("invite an organization member", io.slipway.auth.Operation.ORG_MEMBER_INVITE, c -> c.api.post(c.token, c.org.path() + "/members",
                        Map.of("user", "root", "role", "member")), expect(202, 403, 403, 403, 404)),
                new Operation("list the organization's invitations", io.slipway.auth.Operation.ORG_INVITATION_LIST,
                        c -> c.api.get(c.token, c.org.path() + "/invitations"), expect(200, 403, 403, 403, 404)),
                new Operation("revoke an invitation", io.slipway.auth.Operation.ORG_INVITATION_REVOKE,
                        c -> c.api.delete(c.token, c.org.path() + "/invitations/" + UUID.randomUUID()),
                        expect(404, 403, 403, 403, 404)),
                new Operation("create a project", io.slipway.auth.Operation.PROJECT_CREATE, c -> c.api.post(c.token, c.org.path() + "/projects",
                        Map.of("slug", "p-" + UUID.randomUUID().toString().substring(0, 8), "name", "P")),
                        expect(201, 403, 403, 403, 404)),
                new Operation("change a project", io.slipway.auth.Operation.PROJECT_UPDATE, c -> c.api.patch(c.token, c.org.projectPath(),
                        Map.of("description", "changed")), expect(200, 403, 403, 403, 404)),
                new Operation("change a project role", io.slipway.auth.Operation.PROJECT_MEMBER_MANAGE, c -> c.api.put(c.token, c.org.projectPath() + "/members/"
                        + Users.id("carol"), Map.of("role", "manager")), expect(200, 403, 403, 403, 404)),
                new Operation("revoke a project role", io.slipway.auth.Operation.PROJECT_MEMBER_MANAGE, c -> c.api.delete(c.token, c.org.projectPath() + "/members/"
                        + UUID.randomUUID()), expect(404, 403, 403, 403, 404)),
                new Operation("remove an organization member", io.slipway.auth.Operation.ORG_MEMBER_REMOVE, c -> c.api.delete(c.token, c.org.path() + "/members/"
                        + UUID.randomUUID()), expect(404, 403, 403, 403, 404)),
                new Operation("delete a project", io.slipway.auth.Operation.PROJECT_DELETE,
                        RoleMatrixIT::deleteAFreshProject, expect(204, 403, 403, 403, 404)),
                // datasets, models, lineage
                new Operation("list datasets", io.slipway.auth.Operation.DATASET_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/datasets"), expect(200, 200, 200, 200, 404)),
                new Operation("read a dataset", io.slipway.auth.Operation.DATASET_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + dataset), expect(200, 200, 200, 200, 404)),
                new Operation("read a dataset version", io.slipway.auth.Operation.DATASET_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + dataset + "/versions/1"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("download a dataset version", io.slipway.auth.Operation.DATASET_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + dataset + "/versions/1/content"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("upload a dataset version", io.slipway.auth.Operation.DATASET_UPLOAD,
                        c -> c.uploads.raw(c.token, c.org.projectPath() + dataset + "/versions?fileName=d.csv",
                                "text/csv", CSV), expect(201, 201, 201, 403, 404)),
                new Operation("list models", io.slipway.auth.Operation.MODEL_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/models"), expect(200, 200, 200, 200, 404)),
                new Operation("read a model", io.slipway.auth.Operation.MODEL_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + model), expect(200, 200, 200, 200, 404)),
                new Operation("read a model version", io.slipway.auth.Operation.MODEL_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + model + "/versions/1"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("download a model version", io.slipway.auth.Operation.MODEL_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + model + "/versions/1/content"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("upload a model version", io.slipway.auth.Operation.MODEL_UPLOAD,
                        c -> c.uploads.raw(c.token, c.org.projectPath() + model + "/versions?fileName=m.pkl",
                                "application/octet-stream", CSV), expect(201, 201, 201, 403, 404)),
                new Operation("read lineage", io.slipway.auth.Operation.LINEAGE_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/lineage?node=model-version:" + MODEL
                                + ":1&depth=2"), expect(200, 200, 200, 200, 404)),
                // promotions
                new Operation("read the promotion policy", io.slipway.auth.Operation.PROMOTION_POLICY_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/policy"), expect(200, 200, 200, 200, 404)),
                new Operation("set the promotion policy", io.slipway.auth.Operation.PROMOTION_POLICY_UPDATE,
                        c -> c.api.put(c.token, c.org.projectPath() + "/policy", Map.of("stagingRequiresApproval",
                                true, "productionApprovals", 1, "previousHolderTo", "development", "gates", List.of(),
                                "gatesWithoutProduction", "pass", "adminOverride", false)),
                        expect(200, 403, 403, 403, 404)),
                new Operation("list promotion requests", io.slipway.auth.Operation.PROMOTION_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/promotions?state=pending"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("request a promotion (of a version that does not exist)",
                        io.slipway.auth.Operation.PROMOTION_REQUEST,
                        c -> c.api.post(c.token, c.org.projectPath() + "/promotions", Map.of("model", MODEL,
                                "version", 999, "targetStage", "production", "justification", "matrix")),
                        expect(404, 404, 404, 403, 404)),
                new Operation("approve or reject a promotion (that does not exist)",
                        Set.of(io.slipway.auth.Operation.PROMOTION_DECIDE, io.slipway.auth.Operation.PROMOTION_OVERRIDE),
                        c -> c.api.post(c.token, c.org.projectPath() + "/promotions/" + UUID.randomUUID()
                                + "/approve", Map.of("comment", "matrix")), expect(404, 403, 404, 403, 404)),
                new Operation("read a stage's history", io.slipway.auth.Operation.STAGE_HISTORY_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + model + "/stages/production/history"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("roll back a stage (that nothing holds)", io.slipway.auth.Operation.STAGE_ROLLBACK,
                        c -> c.api.post(c.token, c.org.projectPath() + model + "/stages/production/rollback",
                                Map.of("reason", "matrix")), expect(409, 403, 409, 403, 404)),
                // webhooks
                new Operation("list webhooks", io.slipway.auth.Operation.WEBHOOK_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/webhooks"), expect(200, 403, 403, 403, 404)),
                new Operation("read a webhook", io.slipway.auth.Operation.WEBHOOK_READ,
                        c -> c.api.get(c.token, webhook), expect(200, 403, 403, 403, 404)),
                new Operation("read a webhook's deliveries", io.slipway.auth.Operation.WEBHOOK_READ,
                        c -> c.api.get(c.token, webhook + "/deliveries"), expect(200, 403, 403, 403, 404)),
                new Operation("add a webhook", io.slipway.auth.Operation.WEBHOOK_MANAGE,
                        c -> c.api.post(c.token, c.org.projectPath() + "/webhooks", WEBHOOK),
                        expect(201, 403, 403, 403, 404)),
                new Operation("change a webhook", io.slipway.auth.Operation.WEBHOOK_MANAGE,
                        c -> c.api.patch(c.token, webhook, Map.of("description", "changed")),
                        expect(200, 403, 403, 403, 404)),
                new Operation("rotate a webhook's secret", io.slipway.auth.Operation.WEBHOOK_MANAGE,
                        c -> c.api.post(c.token, webhook + "/rotate-secret", Map.of()), expect(200, 403, 403, 403, 404)),
                new Operation("remove a webhook", io.slipway.auth.Operation.WEBHOOK_MANAGE,
                        c -> c.api.delete(c.token, c.org.projectPath() + "/webhooks/" + UUID.randomUUID()),
                        expect(404, 403, 403, 403, 404)),
                // deployments
                new Operation("list deployments", io.slipway.auth.Operation.DEPLOYMENT_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/deployments"), expect(200, 200, 200, 200, 404)),
                new Operation("read a deployment", io.slipway.auth.Operation.DEPLOYMENT_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/deployments/" + DEPLOYMENT),
                        expect(200, 200, 200, 200, 404)),
                new Operation("read a deployment's request metrics", io.slipway.auth.Operation.DEPLOYMENT_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/deployments/" + DEPLOYMENT + "/metrics?window=PT5M"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("read a deployment's protocol metadata", io.slipway.auth.Operation.DEPLOYMENT_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/serving/v2/models/" + DEPLOYMENT),
                        expect(200, 200, 200, 200, 404)),
                new Operation("deploy a pinned version", io.slipway.auth.Operation.DEPLOYMENT_MANAGE,
                        c -> c.api.post(c.token, c.org.projectPath() + "/deployments", Map.of("name", fresh("pinned"),
                                "model", SERVED_MODEL, "version", 1)), expect(201, 201, 201, 403, 404)),
                new Operation("change a deployment", io.slipway.auth.Operation.DEPLOYMENT_MANAGE,
                        c -> c.api.patch(c.token, c.org.projectPath() + "/deployments/" + DEPLOYMENT,
                                Map.of("viewersMayInfer", false)), expect(200, 200, 200, 403, 404)),
                new Operation("remove a deployment (that does not exist)", io.slipway.auth.Operation.DEPLOYMENT_MANAGE,
                        c -> c.api.delete(c.token, c.org.projectPath() + "/deployments/" + fresh("absent")),
                        expect(404, 404, 404, 403, 404)),
                new Operation("deploy what production holds", io.slipway.auth.Operation.DEPLOYMENT_MANAGE_PRODUCTION,
                        c -> c.api.post(c.token, c.org.projectPath() + "/deployments", Map.of("name", fresh("prod"),
                                "model", SERVED_MODEL, "stage", "production")), expect(201, 403, 201, 403, 404)),
                new Operation("call a deployment", io.slipway.auth.Operation.DEPLOYMENT_INFER,
                        c -> c.api.post(c.token, c.org.projectPath() + "/deployments/" + DEPLOYMENT + "/predict", FLOWER),
                        expect(200, 200, 200, 403, 404)),
                // runs
                new Operation("list runs", io.slipway.auth.Operation.RUN_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/runs"), expect(200, 200, 200, 200, 404)),
                new Operation("start a run", io.slipway.auth.Operation.RUN_START,
                        c -> c.api.post(c.token, c.org.projectPath() + "/runs", Map.of("command", List.of("true"),
                                "resources", Map.of("cpu", 0.05, "memoryMib", 32))), expect(201, 201, 201, 403, 404)),
                new Operation("upload a code bundle", io.slipway.auth.Operation.RUN_START,
                        c -> c.uploads.raw(c.token, c.org.projectPath() + "/code-bundles?fileName=b.tar.gz",
                                "application/gzip", io.slipway.it.support.CodeBundles.tarGz(Map.of("train.py",
                                        "print('" + UUID.randomUUID() + "')\n"))), expect(201, 201, 201, 403, 404)),
                new Operation("list code bundles", io.slipway.auth.Operation.RUN_READ,
                        c -> c.api.get(c.token, c.org.projectPath() + "/code-bundles"), expect(200, 200, 200, 200, 404)),
                new Operation("cancel a run (that does not exist)", io.slipway.auth.Operation.RUN_CANCEL,
                        c -> c.api.post(c.token, c.org.projectPath() + "/runs/" + UUID.randomUUID() + "/cancel",
                                Map.of()), expect(404, 404, 404, 403, 404)),
                new Operation("read the organization's quotas", io.slipway.auth.Operation.QUOTA_READ,
                        c -> c.api.get(c.token, c.org.path() + "/quotas"), expect(200, 403, 403, 403, 404)),
                // platform
                new Operation("set an organization's quota", io.slipway.auth.Operation.QUOTA_MANAGE,
                        c -> c.api.put(c.token, c.org.path() + "/quotas/local-cpu", Map.of("maxConcurrentRuns", 100)),
                        expect(403, 403, 403, 403, 403, 200)),
                new Operation("define a compute pool", io.slipway.auth.Operation.POOL_MANAGE,
                        c -> c.api.post(c.token, "api/v1/pools", Map.of("name", fresh("pool"), "backend", "kubernetes",
                                "cpusPerNode", 4, "memoryMibPerNode", 8192)), expect(403, 403, 403, 403, 403, 200)),
                new Operation("create an organization", io.slipway.auth.Operation.ORG_CREATE,
                        c -> c.api.post(c.token, "api/v1/orgs", Map.of("slug", "m-" + UUID.randomUUID()
                                .toString().substring(0, 8), "name", "M", "owner", "erin")),
                        expect(403, 403, 403, 403, 403, 201)),
                new Operation("verify the organization's whole audit chain", io.slipway.auth.Operation.ORG_AUDIT_VERIFY,
                        c -> c.api.get(c.token, c.org.path() + "/audit/verification"),
                        expect(200, 403, 403, 403, 404)),
                new Operation("change the organization's settings", io.slipway.auth.Operation.ORG_SETTINGS_UPDATE,
                        c -> c.api.patch(c.token, c.org.path() + "/settings", Map.of("requestLogRetentionDays", 30)),
                        expect(200, 403, 403, 403, 404)),
                new Operation("read the platform's audit trail", io.slipway.auth.Operation.PLATFORM_AUDIT_READ,
                        c -> c.api.get(c.token, "api/v1/platform/audit"), expect(403, 403, 403, 403, 403, 200)),
                new Operation("collect storage garbage", io.slipway.auth.Operation.STORAGE_COLLECT,
                        c -> c.api.post(c.token, "api/v1/platform/storage/collect?graceSeconds=86400", Map.of()),
                        expect(403, 403, 403, 403, 403, 200)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void answersAsTheRoleTableSays(Operation operation, String user) {
        Api.Reply reply = operation.perform().apply(new Call(api, uploads, Users.token(user), acme));

        assertThat(reply.status()).as("%s as %s: %s", operation, user, reply)
                .isEqualTo(operation.expected().get(user));
        if (reply.status() >= 400) {
            assertThat(reply.isProblem()).as("error body of %s", reply).isTrue();
        }
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static java.nio.file.Path scratch() {
        try {
            return java.nio.file.Files.createTempDirectory("role-matrix");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A project of its own for each deletion attempt, in which bob, carol and dave hold their usual roles. */
    private static Api.Reply deleteAFreshProject(Call call) {
        String slug = "doomed-" + UUID.randomUUID().toString().substring(0, 8);
        String alice = Users.token("alice");
        String path = call.org().path() + "/projects/" + slug;
        assertThat(call.api().post(alice, call.org().path() + "/projects", Map.of("slug", slug, "name", slug))
                .status()).isEqualTo(201);
        call.api().put(alice, path + "/members/" + Users.id("bob"), Map.of("role", "data-scientist"));
        call.api().put(alice, path + "/members/" + Users.id("carol"), Map.of("role", "manager"));
        call.api().put(alice, path + "/members/" + Users.id("dave"), Map.of("role", "viewer"));
        return call.api().delete(call.token(), path);
    }
}
