package io.slipway.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Flyway owns the schema: at application start it migrates the database, then Hibernate validates that the
 * entities match what Flyway built. A mismatch stops the application from starting.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/slipway")
    DataSource dataSource;

    @PersistenceUnit(unitName = "slipway")
    EntityManagerFactory emf;

    private volatile boolean ready;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                // Flyway always probes db/callback too; on Liberty a missing location is logged as an error, so
                // both folders carry the empty flyway.location marker Flyway asks for on WebSphere
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
        emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        LOG.info("Entities match the database schema");
        ready = true;
    }

    /** Whether the schema is migrated and validated. */
    public boolean isReady() {
        return ready;
    }
}
