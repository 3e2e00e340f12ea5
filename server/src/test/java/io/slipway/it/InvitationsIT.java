package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Invitations;
import io.slipway.it.support.KeycloakClients;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * People join an organization by accepting an owner's invitation. What the owner is told is the same whoever
 * the name is (an account, none, a disabled one, an unverified address), so owners cannot enumerate the realm
 * through invitations; only the account an invitation names can see and answer it.
 */
class InvitationsIT extends ApiTestBase {

    @Test
    void theOwnerIsToldTheSameWhoeverTheInvitationNames() {
        TestOrg org = TestOrg.create(api);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        KeycloakClients.createUser("verified-" + tag, "verified-" + tag + "@elsewhere.example", true);
        KeycloakClients.createUser("unverified-" + tag, "unverified-" + tag + "@elsewhere.example", false);
        KeycloakClients.setEnabled(KeycloakClients.createUser("disabled-" + tag, "disabled-" + tag
                + "@elsewhere.example", true), false);

        List<Api.Reply> replies = new ArrayList<>();
        for (String invitee : List.of("erin", "verified-" + tag + "@elsewhere.example",
                "unverified-" + tag + "@elsewhere.example", "disabled-" + tag, "nobody-" + tag,
                "nobody-" + tag + "@elsewhere.example")) {
            replies.add(invite(org, invitee));
        }

        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(202);
            assertThat(reply.location()).contains("/api/v1/orgs/" + org.slug() + "/invitations/");
            assertThat(withoutPerInvitationFields(reply.json())).as("%s", reply)
                    .isEqualTo(withoutPerInvitationFields(replies.get(0).json()));
        }
        assertThat(replies.get(0).json().path("state").asText()).isEqualTo("pending");
        assertThat(members(org)).containsExactlyInAnyOrder("alice", "bob", "carol", "dave");
    }

    @Test
    void thePersonInvitedByAVerifiedAddressAcceptsAndBecomesAMember() {
        TestOrg org = TestOrg.create(api);
        String name = "joiner-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakClients.createUser(name, name + "@elsewhere.example", true);

        Api.Reply invited = invite(org, name.toUpperCase() + "@Elsewhere.Example");
        JsonNode received = Invitations.received(api, name, org.slug());
        Api.Reply beforeAccepting = api.get(Users.token(name), org.path());
        Api.Reply accepted = api.post(Users.token(name), "api/v1/invitations/" + received.path("id").asText()
                + "/accept", Map.of());

        assertThat(received.path("id").asText()).isEqualTo(invited.json().path("id").asText());
        assertThat(received.path("role").asText()).isEqualTo("member");
        assertThat(received.path("invitedBy").asText()).isEqualTo("alice");
        assertThat(beforeAccepting.status()).as("not a member before saying yes").isEqualTo(404);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().path("username").asText()).isEqualTo(name);
        assertThat(members(org)).contains(name);
        assertThat(api.get(Users.token(name), org.path()).status()).isEqualTo(200);
        assertThat(ownersView(org, invited.json().path("id").asText()).path("state").asText()).isEqualTo("accepted");
        assertThat(api.post(Users.token(name), "api/v1/invitations/" + received.path("id").asText() + "/accept",
                Map.of()).status()).as("an invitation is answered once").isEqualTo(404);
        JsonNode trail = api.get(Users.token("alice"), org.path() + "/audit?limit=3").json().path("items");
        assertThat(trail.findValuesAsText("action"))
                .containsExactly("org-member.added", "org-invitation.accepted", "org-invitation.created");
        assertThat(trail.get(1).at("/actor/username").asText()).isEqualTo(name);
        assertThat(trail.get(2).toString()).as("the trail the owner reads says nothing of the account either")
                .doesNotContain(Users.id(name));
    }

    @Test
    void nobodyButThePersonNamedCanSeeOrAnswerAnInvitation() {
        TestOrg org = TestOrg.create(api);
        String id = invite(org, "erin").json().path("id").asText();

        Api.Reply bobs = api.get(Users.token("bob"), "api/v1/invitations");
        Api.Reply bobAccepts = api.post(Users.token("bob"), "api/v1/invitations/" + id + "/accept", Map.of());
        Api.Reply aliceAccepts = api.post(Users.token("alice"), "api/v1/invitations/" + id + "/accept", Map.of());
        Api.Reply nonsense = api.post(Users.token("erin"), "api/v1/invitations/not-an-id/accept", Map.of());

        assertThat(bobs.json().path("items").findValuesAsText("id")).doesNotContain(id);
        assertThat(bobAccepts.status()).as("%s", bobAccepts).isEqualTo(404);
        assertThat(bobAccepts.isProblem()).isTrue();
        assertThat(aliceAccepts.status()).isEqualTo(404);
        assertThat(nonsense.status()).isEqualTo(404);
        assertThat(members(org)).doesNotContain("erin");
    }

    @Test
    void aDeclinedOrRevokedInvitationCannotBeAccepted() {
        TestOrg org = TestOrg.create(api);
        String erin = Users.token("erin");
        String declined = invite(org, "erin").json().path("id").asText();

        Api.Reply decline = api.post(erin, "api/v1/invitations/" + declined + "/decline", Map.of());
        Api.Reply acceptDeclined = api.post(erin, "api/v1/invitations/" + declined + "/accept", Map.of());
        String revoked = invite(org, "erin").json().path("id").asText();
        Api.Reply revoke = api.delete(Users.token("alice"), org.path() + "/invitations/" + revoked);
        Api.Reply revokeAgain = api.delete(Users.token("alice"), org.path() + "/invitations/" + revoked);
        Api.Reply acceptRevoked = api.post(erin, "api/v1/invitations/" + revoked + "/accept", Map.of());

        assertThat(decline.status()).as("%s", decline).isEqualTo(204);
        assertThat(acceptDeclined.status()).isEqualTo(404);
        assertThat(ownersView(org, declined).path("state").asText()).isEqualTo("declined");
        assertThat(revoked).as("a new invitation after an answer").isNotEqualTo(declined);
        assertThat(revoke.status()).as("%s", revoke).isEqualTo(204);
        assertThat(revokeAgain.status()).isEqualTo(409);
        assertThat(revokeAgain.json().path("code").asText()).isEqualTo("invitation-answered");
        assertThat(acceptRevoked.status()).isEqualTo(404);
        assertThat(api.get(erin, "api/v1/invitations").json().path("items").findValuesAsText("organization"))
                .doesNotContain(org.slug());
        assertThat(members(org)).doesNotContain("erin");
    }

    @Test
    void invitingAgainRenewsThePendingInvitationAndAMemberIsNotInvited() {
        TestOrg org = TestOrg.create(api);

        String first = invite(org, "erin").json().path("id").asText();
        Api.Reply again = api.post(Users.token("alice"), org.path() + "/members", Map.of("user", "Erin", "role", "owner"));
        Api.Reply member = invite(org, "bob");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id").asText()).isEqualTo(first);
        assertThat(Invitations.received(api, "erin", org.slug()).path("role").asText()).isEqualTo("owner");
        assertThat(member.status()).as("%s", member).isEqualTo(409);
        assertThat(member.json().path("code").asText()).isEqualTo("already-member");
    }

    private Api.Reply invite(TestOrg org, String user) {
        return api.post(Users.token("alice"), org.path() + "/members", Map.of("user", user, "role", "member"));
    }

    private JsonNode ownersView(TestOrg org, String id) {
        for (JsonNode invitation : api.get(Users.token("alice"), org.path() + "/invitations?limit=500").json()
                .path("items")) {
            if (id.equals(invitation.path("id").asText())) {
                return invitation;
            }
        }
        throw new AssertionError("no invitation " + id + " in the owner's list");
    }

    private List<String> members(TestOrg org) {
        List<String> usernames = new ArrayList<>();
        api.get(Users.token("alice"), org.path() + "/members?limit=500").json().path("items")
                .forEach(m -> usernames.add(m.path("username").asText()));
        return usernames;
    }

    private static JsonNode withoutPerInvitationFields(JsonNode invitation) {
        ObjectNode copy = invitation.deepCopy();
        copy.remove(List.of("id", "invitee", "createdAt", "expiresAt"));
        return copy;
    }
}
