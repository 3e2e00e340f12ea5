package io.slipway.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Flyway owns the schema: at application start it migrates the database, as the schema's owner
 * ({@code jdbc/slipway-migration}: {@code SLIPWAY_DB_MIGRATION_USER}, by default Slipway's own user), then Hibernate
 * validates that the entities match what Flyway built. A mismatch stops the application from starting. When the
 * owner is another user than Slipway's (PostgreSQL), the owner grants Slipway's user its privileges
 * ({@link RuntimeGrants}): everything it needs, but only inserts and reads on the audit trail.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/slipway")
    DataSource dataSource;

    @Resource(lookup = "jdbc/slipway-migration")
    DataSource migrationDataSource;

    @PersistenceUnit(unitName = "slipway")
    EntityManagerFactory emf;

    @Inject
    Event<SchemaMigrated> migrated;

    private volatile boolean ready;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(migrationDataSource)
                // Flyway always probes db/callback too; on Liberty a missing location is logged as an error, so
                // both folders carry the empty flyway.location marker Flyway asks for on WebSphere
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
        grantRuntimePrivileges();
        emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        LOG.info("Entities match the database schema");
        migrated.fire(new SchemaMigrated(result.migrations.stream().map(m -> m.version).collect(Collectors.toSet())));
        ready = true;
    }

    private void grantRuntimePrivileges() {
        try (Connection owner = migrationDataSource.getConnection(); Connection runtime = dataSource.getConnection()) {
            String ownerUser = owner.getMetaData().getUserName();
            String runtimeUser = runtime.getMetaData().getUserName();
            if (ownerUser.equals(runtimeUser) || !"PostgreSQL".equals(owner.getMetaData().getDatabaseProductName())) {
                return;
            }
            RuntimeGrants.apply(owner, runtimeUser);
            LOG.info(() -> "Database user " + runtimeUser + " may read and write the schema of " + ownerUser
                    + ", but only insert into and read the audit trail");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot grant Slipway's database user its privileges", e);
        }
    }

    /** Whether the schema is migrated and validated. */
    public boolean isReady() {
        return ready;
    }
}
