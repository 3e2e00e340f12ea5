package io.slipway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether Keycloak answers, without making the server unready: API calls with tokens it issued keep
 * working while it is down (its signing keys are cached), so taking the server out of rotation would turn a
 * sign-in outage into a full one. Always UP; {@code reachable} and {@code problem} tell the truth.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderStatus implements HealthCheck {

    private final IdentityProviderProbe probe;

    @Inject
    public IdentityProviderStatus(IdentityProviderProbe probe) {
        this.probe = probe;
    }

    protected IdentityProviderStatus() {
        this(null);
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = probe.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("identity-provider").up()
                .withData("reachable", problem.isEmpty());
        problem.ifPresent(reason -> response.withData("problem", reason + "; sign-in and membership changes fail"
                + " until it returns, API calls with valid tokens keep working"));
        return response.build();
    }
}
