package io.slipway.health;

import io.slipway.persistence.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once Flyway has migrated the database and Hibernate has validated the mapping against it. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private final SchemaMigration migration;

    @Inject
    public SchemaReadiness(SchemaMigration migration) {
        this.migration = migration;
    }

    protected SchemaReadiness() {
        this(null);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database-schema").status(migration.isReady()).build();
    }
}
