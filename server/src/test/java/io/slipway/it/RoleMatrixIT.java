package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the foundation against every kind of caller, with tokens issued by the real Keycloak:
 * alice (owner, project admin), bob (data-scientist), carol (manager), dave (viewer) and erin (another
 * organization). One generated test per (operation, user).
 */
class RoleMatrixIT extends ApiTestBase {

    private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin");

    private static TestOrg acme;

    @BeforeEach
    void createTheOrganization() {
        if (acme == null) {
            acme = TestOrg.create(api);
        }
    }

    /** An operation, how to perform it, and the status each user must get. */
    record Operation(String name, Function<Call, Api.Reply> perform, Map<String, Integer> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What an operation needs to run: the client, the caller's token, the organization. */
    record Call(Api api, String token, TestOrg org) {
    }

    private static Map<String, Integer> expect(int alice, int bob, int carol, int dave, int erin) {
        return Map.of("alice", alice, "bob", bob, "carol", carol, "dave", dave, "erin", erin);
    }

    static Stream<Arguments> matrix() {
        List<Operation> operations = List.of(
                // reads
                new Operation("read organization", c -> c.api.get(c.token, c.org.path()),
                        expect(200, 200, 200, 200, 404)),
                new Operation("list organization members", c -> c.api.get(c.token, c.org.path() + "/members"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("list projects", c -> c.api.get(c.token, c.org.path() + "/projects"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("read project", c -> c.api.get(c.token, c.org.projectPath()),
                        expect(200, 200, 200, 200, 404)),
                new Operation("list project members", c -> c.api.get(c.token, c.org.projectPath() + "/members"),
                        expect(200, 200, 200, 200, 404)),
                new Operation("read the organization's audit trail", c -> c.api.get(c.token, c.org.path() + "/audit"),
                        expect(200, 403, 403, 403, 404)),
                new Operation("read the project's audit trail",
                        c -> c.api.get(c.token, c.org.path() + "/audit?project=" + c.org.project()),
                        expect(200, 200, 200, 200, 404)),
                // mutations
                new Operation("invite an organization member", c -> c.api.post(c.token, c.org.path() + "/members",
                        Map.of("user", "root", "role", "member")), expect(201, 403, 403, 403, 404)),
                new Operation("create a project", c -> c.api.post(c.token, c.org.path() + "/projects",
                        Map.of("slug", "p-" + UUID.randomUUID().toString().substring(0, 8), "name", "P")),
                        expect(201, 403, 403, 403, 404)),
                new Operation("change a project", c -> c.api.patch(c.token, c.org.projectPath(),
                        Map.of("description", "changed")), expect(200, 403, 403, 403, 404)),
                new Operation("change a project role", c -> c.api.put(c.token, c.org.projectPath() + "/members/"
                        + Users.id("carol"), Map.of("role", "manager")), expect(200, 403, 403, 403, 404)),
                new Operation("revoke a project role", c -> c.api.delete(c.token, c.org.projectPath() + "/members/"
                        + UUID.randomUUID()), expect(404, 403, 403, 403, 404)),
                new Operation("remove an organization member", c -> c.api.delete(c.token, c.org.path() + "/members/"
                        + UUID.randomUUID()), expect(404, 403, 403, 403, 404)),
                new Operation("delete a project", RoleMatrixIT::deleteAFreshProject,
                        expect(204, 403, 403, 403, 404)));
        List<Arguments> cases = new ArrayList<>();
        for (Operation operation : operations) {
            for (String user : USERS) {
                cases.add(Arguments.of(operation, user));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void answersAsTheRoleTableSays(Operation operation, String user) {
        Api.Reply reply = operation.perform().apply(new Call(api, Users.token(user), acme));

        assertThat(reply.status()).as("%s as %s: %s", operation, user, reply)
                .isEqualTo(operation.expected().get(user));
        if (reply.status() >= 400) {
            assertThat(reply.isProblem()).as("error body of %s", reply).isTrue();
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
