package io.slipway.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Joining an organization the way people do: an owner invites, the person accepts. */
public final class Invitations {

    private Invitations() {
    }

    /** {@code owner} invites {@code username} to the organization with {@code role}; they accept it. */
    public static void join(Api api, String owner, String orgSlug, String username, String role) {
        Api.Reply invited = api.post(Users.token(owner), "api/v1/orgs/" + orgSlug + "/members",
                Map.of("user", username, "role", role));
        assertThat(invited.status()).as("inviting %s: %s", username, invited).isEqualTo(202);
        Api.Reply accepted = api.post(Users.token(username), "api/v1/invitations/" + received(api, username, orgSlug)
                .path("id").asText() + "/accept", Map.of());
        assertThat(accepted.status()).as("%s accepting: %s", username, accepted).isEqualTo(200);
    }

    /** The invitation {@code username} sees from the organization (fails if there is none). */
    public static JsonNode received(Api api, String username, String orgSlug) {
        Api.Reply mine = api.get(Users.token(username), "api/v1/invitations");
        assertThat(mine.status()).as("%s", mine).isEqualTo(200);
        return StreamSupport.stream(mine.json().path("items").spliterator(), false)
                .filter(invitation -> orgSlug.equals(invitation.path("organization").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(username + " has no invitation from " + orgSlug + ": " + mine));
    }
}
