package io.slipway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role table of ARCHITECTURE.md, written out independently of {@link Operation}'s own fields: one case
 * per (operation, kind of caller).
 */
class AccessPolicyTest {

    /** Kinds of caller, from nobody-in-the-org to project admin. */
    enum Who {
        OUTSIDER, PLATFORM_ADMIN_OUTSIDER, ORG_MEMBER_NO_PROJECT_ROLE, ORG_OWNER_NO_PROJECT_ROLE,
        VIEWER, DATA_SCIENTIST, MANAGER, ADMIN
    }

    private static final String A = "allow";
    private static final String F = "forbidden";
    private static final String H = "hidden";

    /** Expected decision per operation, in the order of {@link Who}. */
    private static final Map<Operation, List<String>> EXPECTED = new EnumMap<>(Operation.class);

    static {
        // outsider, platform-admin outsider, org member w/o project role, org owner w/o project role,
        // viewer, data-scientist, manager, admin (project roles are held by plain org members)
        expect(Operation.ORG_CREATE, F, A, F, F, F, F, F, F);
        expect(Operation.STORAGE_COLLECT, F, A, F, F, F, F, F, F);
        expect(Operation.PLATFORM_AUDIT_READ, F, A, F, F, F, F, F, F);
        expect(Operation.POOL_MANAGE, F, A, F, F, F, F, F, F);
        expect(Operation.QUOTA_MANAGE, F, A, F, F, F, F, F, F);
        expect(Operation.ORG_READ, H, H, A, A, A, A, A, A);
        expect(Operation.ORG_MEMBER_LIST, H, H, A, A, A, A, A, A);
        expect(Operation.ORG_MEMBER_INVITE, H, H, F, A, F, F, F, F);
        expect(Operation.ORG_MEMBER_REMOVE, H, H, F, A, F, F, F, F);
        expect(Operation.ORG_INVITATION_LIST, H, H, F, A, F, F, F, F);
        expect(Operation.ORG_INVITATION_REVOKE, H, H, F, A, F, F, F, F);
        expect(Operation.PROJECT_LIST, H, H, A, A, A, A, A, A);
        expect(Operation.PROJECT_CREATE, H, H, F, A, F, F, F, F);
        expect(Operation.ORG_AUDIT_READ, H, H, F, A, F, F, F, F);
        expect(Operation.ORG_AUDIT_VERIFY, H, H, F, A, F, F, F, F);
        expect(Operation.ORG_SETTINGS_UPDATE, H, H, F, A, F, F, F, F);
        expect(Operation.QUOTA_READ, H, H, F, A, F, F, F, F);
        expect(Operation.PROJECT_READ, H, H, H, A, A, A, A, A);
        expect(Operation.PROJECT_UPDATE, H, H, H, A, F, F, F, A);
        expect(Operation.PROJECT_DELETE, H, H, H, A, F, F, F, A);
        expect(Operation.PROJECT_MEMBER_LIST, H, H, H, A, A, A, A, A);
        expect(Operation.PROJECT_MEMBER_MANAGE, H, H, H, A, F, F, F, A);
        expect(Operation.PROJECT_AUDIT_READ, H, H, H, A, A, A, A, A);
        expect(Operation.DATASET_READ, H, H, H, F, A, A, A, A);
        expect(Operation.DATASET_UPLOAD, H, H, H, F, F, A, A, A);
        expect(Operation.MODEL_READ, H, H, H, F, A, A, A, A);
        expect(Operation.MODEL_UPLOAD, H, H, H, F, F, A, A, A);
        expect(Operation.LINEAGE_READ, H, H, H, F, A, A, A, A);
        expect(Operation.PROMOTION_POLICY_READ, H, H, H, F, A, A, A, A);
        expect(Operation.PROMOTION_POLICY_UPDATE, H, H, H, F, F, F, F, A);
        expect(Operation.PROMOTION_READ, H, H, H, F, A, A, A, A);
        expect(Operation.PROMOTION_REQUEST, H, H, H, F, F, A, A, A);
        expect(Operation.PROMOTION_DECIDE, H, H, H, F, F, F, A, A);
        expect(Operation.PROMOTION_OVERRIDE, H, H, H, F, F, F, F, A);
        expect(Operation.STAGE_HISTORY_READ, H, H, H, F, A, A, A, A);
        expect(Operation.STAGE_ROLLBACK, H, H, H, F, F, F, A, A);
        expect(Operation.WEBHOOK_READ, H, H, H, A, F, F, F, A);
        expect(Operation.WEBHOOK_MANAGE, H, H, H, A, F, F, F, A);
        expect(Operation.DEPLOYMENT_READ, H, H, H, F, A, A, A, A);
        expect(Operation.DEPLOYMENT_MANAGE, H, H, H, F, F, A, A, A);
        expect(Operation.DEPLOYMENT_MANAGE_PRODUCTION, H, H, H, F, F, F, A, A);
        expect(Operation.DEPLOYMENT_INFER, H, H, H, F, A, A, A, A);
        expect(Operation.RUN_READ, H, H, H, F, A, A, A, A);
        expect(Operation.RUN_START, H, H, H, F, F, A, A, A);
        expect(Operation.RUN_CANCEL, H, H, H, F, F, A, A, A);
    }

    private static void expect(Operation operation, String... perWho) {
        EXPECTED.put(operation, List.of(perWho));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            List<String> row = EXPECTED.get(operation);
            if (row == null) {
                throw new AssertionError("No expectation written down for " + operation + ": add its row.");
            }
            for (Who who : Who.values()) {
                cases.add(Arguments.of(operation, who, row.get(who.ordinal())));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} by {1} is {2}")
    @MethodSource("matrix")
    void decidesAsTheRoleTableSays(Operation operation, Who who, String expected) {
        Decision decision = AccessPolicy.decide(operation, grantsOf(who));

        assertThat(decision.name().toLowerCase()).isEqualTo(expected);
    }

    private static Grants grantsOf(Who who) {
        Caller person = new Caller("u-1", "someone", Set.of());
        Caller admin = new Caller("u-0", "root", Set.of(Caller.PLATFORM_ADMIN));
        Optional<OrgRole> member = Optional.of(OrgRole.MEMBER);
        return switch (who) {
            case OUTSIDER -> Grants.project(person, Optional.empty(), Optional.empty());
            case PLATFORM_ADMIN_OUTSIDER -> Grants.project(admin, Optional.empty(), Optional.empty());
            case ORG_MEMBER_NO_PROJECT_ROLE -> Grants.project(person, member, Optional.empty());
            case ORG_OWNER_NO_PROJECT_ROLE -> Grants.project(person, Optional.of(OrgRole.OWNER), Optional.empty());
            case VIEWER -> Grants.project(person, member, Optional.of(ProjectRole.VIEWER));
            case DATA_SCIENTIST -> Grants.project(person, member, Optional.of(ProjectRole.DATA_SCIENTIST));
            case MANAGER -> Grants.project(person, member, Optional.of(ProjectRole.MANAGER));
            case ADMIN -> Grants.project(person, member, Optional.of(ProjectRole.ADMIN));
        };
    }
}
