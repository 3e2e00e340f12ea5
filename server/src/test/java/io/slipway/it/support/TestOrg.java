package io.slipway.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/**
 * A fresh organization for one test class, built through the API the way an operator would: root creates
 * it with alice as owner; alice invites bob, carol and dave, who accept, and creates project {@code fraud-detection} in which
 * alice is admin, bob data-scientist, carol manager and dave viewer. erin stays outside.
 */
public record TestOrg(String slug, String project) {

    public static TestOrg create(Api api) {
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
        expect(api.post(Users.token("root"), "api/v1/orgs",
                Map.of("slug", slug, "name", "Test org " + slug, "owner", "alice")), 201);
        String alice = Users.token("alice");
        for (String member : new String[] {"bob", "carol", "dave"}) {
            Invitations.join(api, "alice", slug, member, "member");
        }
        String project = "fraud-detection";
        expect(api.post(alice, "api/v1/orgs/" + slug + "/projects",
                Map.of("slug", project, "name", "Fraud detection")), 201);
        TestOrg org = new TestOrg(slug, project);
        org.grant(api, "bob", "data-scientist");
        org.grant(api, "carol", "manager");
        org.grant(api, "dave", "viewer");
        return org;
    }

    public void grant(Api api, String username, String role) {
        expect(api.put(Users.token("alice"), projectPath() + "/members/" + Users.id(username), Map.of("role", role)),
                201, 200);
    }

    public String path() {
        return "api/v1/orgs/" + slug;
    }

    public String projectPath() {
        return path() + "/projects/" + project;
    }

    private static void expect(Api.Reply reply, int... statuses) {
        assertThat(statuses).as("setting up the test organization: %s", reply).contains(reply.status());
    }
}
