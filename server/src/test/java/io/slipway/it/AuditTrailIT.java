package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.it.support.Api;
import io.slipway.it.support.ApiTestBase;
import io.slipway.it.support.Database;
import io.slipway.it.support.TestOrg;
import io.slipway.it.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit trail: one event per change, in the change's transaction, hash-chained per organization. */
class AuditTrailIT extends ApiTestBase {

    @Test
    void everyChangeIsRecordedWithItsActorInOrder() {
        TestOrg acme = TestOrg.create(api);

        JsonNode trail = api.get(Users.token("alice"), acme.path() + "/audit?limit=500").json();

        assertThat(actions(trail)).containsExactly(
                "project-member.granted", "project-member.granted", "project-member.granted",
                "project-member.granted", "project.created", "org-member.added", "org-member.added",
                "org-member.added", "org-member.added", "organization.created");
        JsonNode newest = trail.at("/items/0");
        assertThat(newest.at("/actor/username").asText()).isEqualTo("alice");
        assertThat(newest.at("/after/role").asText()).isEqualTo("viewer");
        assertThat(newest.get("project").asText()).isEqualTo("fraud-detection");
        assertThat(trail.at("/items/9/actor/username").asText()).isEqualTo("root");
        assertThat(trail.at("/chain/verified").asBoolean()).isTrue();
        assertThat(trail.at("/chain/eventsChecked").asInt()).isEqualTo(10);
    }

    @Test
    void aChangeRecordsItsStateBeforeAndAfter() {
        TestOrg acme = TestOrg.create(api);
        api.patch(Users.token("alice"), acme.projectPath(), Map.of("name", "Fraud v2"));

        JsonNode event = api.get(Users.token("alice"), acme.path() + "/audit?limit=1").json().at("/items/0");

        assertThat(event.get("action").asText()).isEqualTo("project.updated");
        assertThat(event.at("/before/name").asText()).isEqualTo("Fraud detection");
        assertThat(event.at("/after/name").asText()).isEqualTo("Fraud v2");
    }

    @Test
    void aFailedChangeLeavesNoEvent() {
        TestOrg acme = TestOrg.create(api);
        int before = count(acme);

        Api.Reply duplicate = api.post(Users.token("alice"), acme.path() + "/projects",
                Map.of("slug", acme.project(), "name", "again"));
        Api.Reply forbidden = api.patch(Users.token("dave"), acme.projectPath(), Map.of("name", "dave's"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(count(acme)).isEqualTo(before);
    }

    @Test
    void projectMembersReadTheirProjectsEventsOnly() {
        TestOrg acme = TestOrg.create(api);

        JsonNode trail = api.get(Users.token("dave"), acme.path() + "/audit?project=" + acme.project()).json();

        assertThat(actions(trail)).isNotEmpty().allMatch(a -> a.startsWith("project"));
        assertThat(trail.at("/chain/verified").asBoolean()).isTrue();
    }

    @Test
    void editingOneRowIsReportedAsTheFirstBrokenEvent() {
        TestOrg acme = TestOrg.create(api);
        JsonNode trail = api.get(Users.token("alice"), acme.path() + "/audit?limit=500").json();
        long victim = trail.at("/items/6/seq").asLong();

        int changed = Database.update("update audit_events set actor_name = 'mallory' where seq = ? and org_id = "
                + "(select id from organizations where slug = ?)", victim, acme.slug());
        JsonNode after = api.get(Users.token("alice"), acme.path() + "/audit").json();

        assertThat(changed).isEqualTo(1);
        assertThat(after.at("/chain/verified").asBoolean()).isFalse();
        assertThat(after.at("/chain/firstBrokenSeq").asLong()).isEqualTo(victim);
        assertThat(after.at("/chain/problem").asText()).contains("changed");
    }

    private int count(TestOrg org) {
        return api.get(Users.token("alice"), org.path() + "/audit?limit=500").json().get("items").size();
    }

    private static List<String> actions(JsonNode trail) {
        List<String> actions = new ArrayList<>();
        trail.get("items").forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }
}
