package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Organizations and projects through the REST API, and how it answers bad input. */
class OrganizationsApiIT extends ApiTestBase {

    @Test
    void membersListOnlyTheOrganizationsTheyBelongTo() {
        TestOrg acme = TestOrg.create(api);
        String globex = "globex-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post(Users.token("root"), "api/v1/orgs",
                Map.of("slug", globex, "name", "Globex", "owner", "erin")).status()).isEqualTo(201);

        List<String> bobs = slugs(api.get(Users.token("bob"), "api/v1/orgs?limit=500").json());
        List<String> erins = slugs(api.get(Users.token("erin"), "api/v1/orgs?limit=500").json());

        assertThat(bobs).contains(acme.slug()).doesNotContain(globex);
        assertThat(erins).contains(globex).doesNotContain(acme.slug());
    }

    @Test
    void onlyPlatformAdminsCreateOrganizations() {
        Api.Reply reply = api.post(Users.token("bob"), "api/v1/orgs",
                Map.of("slug", "bobs-own", "name", "Bob's", "owner", "bob"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.isProblem()).isTrue();
        assertThat(api.get(Users.token("bob"), "api/v1/orgs/bobs-own").status()).isEqualTo(404);
    }

    @Test
    void anInvalidSlugIsRejectedNamingTheFieldAndNothingIsCreated() {
        Api.Reply reply = api.post(Users.token("root"), "api/v1/orgs",
                Map.of("slug", "Not_A_Slug", "name", "Bad", "owner", "alice"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("slug");
        assertThat(reply.json().at("/errors/0/message").asText()).contains("a-z");
        assertThat(slugs(api.get(Users.token("alice"), "api/v1/orgs?limit=500").json())).doesNotContain("not_a_slug");
    }

    @Test
    void anUnknownFieldIsRejectedAndNothingIsCreated() {
        String slug = "unknown-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply reply = api.post(Users.token("root"), "api/v1/orgs",
                Map.of("slug", slug, "name", "X", "owner", "alice", "colour", "red"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asText()).isEqualTo("unknown-field");
        assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("colour");
        assertThat(api.get(Users.token("alice"), "api/v1/orgs/" + slug).status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsABadRequest() {
        Api.Reply reply = api.send(Users.token("root"), "POST", "api/v1/orgs", "application/json",
                "{\"slug\": \"x\", \"name\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("code").asText()).isEqualTo("malformed-json");
        assertThat(reply.body()).doesNotContain("at io.slipway", "Exception");
    }

    @Test
    void aMissingBodyIsABadRequest() {
        Api.Reply reply = api.send(Users.token("root"), "POST", "api/v1/orgs", "application/json", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void anOversizeBodyIsRefusedWith413() {
        String slug = "huge-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply reply = api.post(Users.token("root"), "api/v1/orgs",
                Map.of("slug", slug, "name", "x".repeat(100_000), "owner", "alice"));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.isProblem()).isTrue();
        assertThat(api.get(Users.token("alice"), "api/v1/orgs/" + slug).status()).isEqualTo(404);
    }

    @Test
    void anOversizeJsonBodyIsRefusedWith413WhateverTheCaseOrParametersOfItsMediaType() {
        String root = Users.token("root");
        for (String type : List.of("Application/JSON", "APPLICATION/JSON; charset=UTF-8",
                "application/json;charset=utf-8;x=\"y\"", "application/Json;q=1")) {
            String slug = "huge-" + UUID.randomUUID().toString().substring(0, 6);
            String body = "{\"slug\":\"" + slug + "\",\"name\":\"" + "x".repeat(100_000) + "\",\"owner\":\"alice\"}";

            Api.Reply reply = api.send(root, "POST", "api/v1/orgs", type, body);

            assertThat(reply.status()).as("%s: %s", type, reply).isEqualTo(413);
            assertThat(reply.isProblem()).isTrue();
            assertThat(api.get(Users.token("alice"), "api/v1/orgs/" + slug).status()).isEqualTo(404);
        }
        TestOrg acme = TestOrg.create(api);
        Api.Reply patch = api.send(Users.token("alice"), "PATCH", acme.projectPath(), "Application/Merge-Patch+JSON",
                "{\"description\":\"" + "x".repeat(100_000) + "\"}");

        assertThat(patch.status()).as("%s", patch).isEqualTo(413);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415() {
        Api.Reply reply = api.send(Users.token("root"), "POST", "api/v1/orgs", "text/plain", "slug=x");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.isProblem()).isTrue();
    }

    @Test
    void aDuplicateOrganizationIsAConflict() {
        TestOrg acme = TestOrg.create(api);

        Api.Reply reply = api.post(Users.token("root"), "api/v1/orgs",
                Map.of("slug", acme.slug(), "name", "Again", "owner", "alice"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("code").asText()).isEqualTo("slug-taken");
    }

    @Test
    void anOwnerCreatesRenamesAndDeletesAProject() {
        TestOrg acme = TestOrg.create(api);
        String alice = Users.token("alice");

        Api.Reply created = api.post(alice, acme.path() + "/projects",
                Map.of("slug", "churn", "name", "Churn", "description", "who leaves"));
        Api.Reply renamed = api.patch(alice, acme.path() + "/projects/churn", Map.of("name", "Customer churn"));
        Api.Reply read = api.get(alice, acme.path() + "/projects/churn");
        Api.Reply deleted = api.delete(alice, acme.path() + "/projects/churn");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/v1/orgs/" + acme.slug() + "/projects/churn");
        assertThat(created.json().get("yourRole").asText()).isEqualTo("admin");
        assertThat(renamed.json().get("name").asText()).isEqualTo("Customer churn");
        assertThat(read.json().get("description").asText()).isEqualTo("who leaves");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get(alice, acme.path() + "/projects/churn").status()).isEqualTo(404);
    }

    @Test
    void projectListsArePagedWithACursor() {
        TestOrg acme = TestOrg.create(api);
        String alice = Users.token("alice");
        for (String slug : List.of("p-a", "p-b", "p-c")) {
            api.post(alice, acme.path() + "/projects", Map.of("slug", slug, "name", slug));
        }

        JsonNode first = api.get(alice, acme.path() + "/projects?limit=2").json();
        JsonNode second = api.get(alice, acme.path() + "/projects?limit=2&cursor="
                + first.get("nextCursor").asText()).json();

        assertThat(slugs(first)).containsExactly("fraud-detection", "p-a");
        assertThat(slugs(second)).containsExactly("p-b", "p-c");
        assertThat(second.has("nextCursor")).as("the last page has no cursor").isFalse();
        assertThat(api.get(alice, acme.path() + "/projects?limit=0").status()).isEqualTo(400);
    }

    @Test
    void aMemberSeesOnlyProjectsTheyHoldARoleIn() {
        TestOrg acme = TestOrg.create(api);
        api.post(Users.token("alice"), acme.path() + "/projects", Map.of("slug", "secret", "name", "Secret"));

        List<String> bobs = slugs(api.get(Users.token("bob"), acme.path() + "/projects").json());

        assertThat(bobs).containsExactly("fraud-detection");
        assertThat(api.get(Users.token("bob"), acme.path() + "/projects/secret").status()).isEqualTo(404);
    }

    private static List<String> slugs(JsonNode page) {
        List<String> slugs = new ArrayList<>();
        page.get("items").forEach(item -> slugs.add(item.get("slug").asText()));
        return slugs;
    }
}
