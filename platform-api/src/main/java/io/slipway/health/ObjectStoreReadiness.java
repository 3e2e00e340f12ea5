package io.slipway.health;

import io.slipway.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the object store answers: without it no upload or download can work. */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements HealthCheck {

    private final Probes probes;

    @Inject
    public ObjectStoreReadiness(ObjectStore store) {
        this.probes = store == null ? null : new Probes(() -> store.probe(Probes.PROBE_TIMEOUT), Clock.systemUTC());
    }

    protected ObjectStoreReadiness() {
        this(null);
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = probes.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("object-store").status(problem.isEmpty());
        problem.ifPresent(reason -> response.withData("problem", reason));
        return response.build();
    }
}
