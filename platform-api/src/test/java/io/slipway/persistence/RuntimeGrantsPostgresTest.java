package io.slipway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's production database setup, on a real PostgreSQL (127.0.0.1:5432, user postgres, trust
 * authentication; skipped when there is none): an owner migrates the schema and applies {@link RuntimeGrants} to a
 * runtime user, which then does everything Slipway does, but cannot change or remove the audit trail. Uses a
 * database and two roles of its own, dropped afterwards.
 */
class RuntimeGrantsPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String GENESIS = "0".repeat(64);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String OWNER = "slipway_owner_" + SUFFIX;
    private static final String APP = "slipway_app_" + SUFFIX;
    private static final String DATABASE = "slipway_grants_" + SUFFIX;

    private static final UUID ORG = UUID.randomUUID();

    @BeforeAll
    static void createTheDatabaseAsTheReadmeSays() throws SQLException {
        DriverManager.setLoginTimeout(3);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().close();
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432 as postgres (" + e.getMessage()
                    + "): the runtime user's grants are not tested here");
        }
        admin("create role " + OWNER + " login", "create role " + APP + " login",
                "create database " + DATABASE + " owner " + OWNER);
        try (Connection owner = connect(OWNER)) {
            Flyway.configure().dataSource(SERVER + DATABASE, OWNER, "").locations("classpath:db/migration")
                    .load().migrate();
            RuntimeGrants.apply(owner, APP);
        }
        try (Connection app = connect(APP)) {
            update(app, "insert into organizations (id, slug, name, created_at, created_by) values (?, ?, ?, ?, ?)",
                    ORG, "acme-" + SUFFIX, "Acme", now(), "u-1");
            appendEvent(app, 1, "organization.created");
        }
    }

    @AfterAll
    static void dropTheDatabaseAndRoles() throws SQLException {
        try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin("drop database if exists " + DATABASE + " with (force)", "drop role if exists " + APP,
                    "drop role if exists " + OWNER);
        } catch (SQLException unreachable) {
            // skipped: nothing was created
        }
    }

    @Test
    void theRuntimeUserAppendsToTheTrailAsSlipwayDoes() throws SQLException {
        try (Connection app = connect(APP)) {
            app.setAutoCommit(false);
            // AuditLog: lock the head, insert the event (and a checkpoint), move the head
            query(app, "select last_seq from audit_chain_heads where org_id = ? for update", ORG);
            appendEvent(app, 2, "org-member.added");
            update(app, "insert into audit_checkpoints (org_id, id, seq, hash, mac, created_at) values (?, ?, ?, ?, ?, ?)",
                    ORG, UUID.randomUUID(), 2L, "b".repeat(64), "c".repeat(64), now());
            update(app, "update audit_chain_heads set last_seq = 2, checkpoint_seq = 2, mac = ? where org_id = ?",
                    "d".repeat(64), ORG);
            // PlatformAuditLog
            query(app, "select last_seq from platform_audit_heads where chain = 'platform' for update");
            update(app, "insert into platform_audit_events (seq, id, occurred_at, actor_id, actor_name, action, "
                    + "target_type, target_id, prev_hash, hash) values (1, ?, ?, 'platform', 'platform', "
                    + "'storage.collected', 'storage', 'artifacts', ?, ?)", UUID.randomUUID(), now(), GENESIS,
                    "e".repeat(64));
            update(app, "update platform_audit_heads set last_seq = 1, last_hash = ?, mac = ? where chain = 'platform'",
                    "e".repeat(64), "f".repeat(64));
            // everything else is ordinary reads and writes
            UUID upload = UUID.randomUUID();
            update(app, "insert into uploads_in_flight (org_id, id, started_at) values (?, ?, ?)", ORG, upload, now());
            update(app, "update uploads_in_flight set sha256 = ? where id = ?", "a".repeat(64), upload);
            update(app, "delete from uploads_in_flight where id = ?", upload);
            app.commit();

            assertThat(query(app, "select count(*) from audit_events where org_id = ?", ORG)).isEqualTo(2);
        }
    }

    static List<String> refused() {
        return List.of(
                "update audit_events set actor_name = 'mallory'",
                "delete from audit_events",
                "truncate audit_events",
                "update audit_checkpoints set hash = 'x'",
                "delete from audit_checkpoints",
                "update platform_audit_events set actor_name = 'mallory'",
                "delete from platform_audit_events",
                "truncate platform_audit_checkpoints",
                "delete from audit_chain_heads",
                "truncate audit_chain_heads",
                "delete from platform_audit_heads",
                "update flyway_schema_history set success = false",
                "drop table audit_events",
                "alter table audit_events drop constraint pk_audit_events",
                "create table audit_events_copy (seq bigint)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void theRuntimeUserCannotChangeOrRemoveTheTrail(String sql) throws SQLException {
        try (Connection app = connect(APP)) {
            long before = query(app, "select count(*) from audit_events");

            assertThatThrownBy(() -> update(app, sql))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            assertThat(query(app, "select count(*) from audit_events")).isEqualTo(before);
        }
    }

    private static void appendEvent(Connection app, long seq, String action) throws SQLException {
        update(app, "insert into audit_events (org_id, seq, id, occurred_at, actor_id, actor_name, action, "
                        + "target_type, target_id, prev_hash, hash) values (?, ?, ?, ?, 'u-1', 'root', ?, "
                        + "'organization', 'acme', ?, ?)",
                ORG, seq, UUID.randomUUID(), now(), action, seq == 1 ? GENESIS : "a".repeat(64),
                (seq == 1 ? "a" : "b").repeat(64));
        if (seq == 1) {
            update(app, "insert into audit_chain_heads (org_id, last_seq, last_hash, checkpoint_seq) "
                    + "values (?, 1, ?, 0)", ORG, "a".repeat(64));
        }
    }

    private static Connection connect(String user) throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE, user, "");
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement sql = admin.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static long query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : -1;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
