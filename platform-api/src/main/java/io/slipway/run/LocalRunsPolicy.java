package io.slipway.run;

import io.slipway.settings.RunMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this server runs local runs. A local run is a command on the Slipway server's own machine, as the user
 * that runs Slipway: on by default in local mode (one person's machine), off in production unless
 * {@code SLIPWAY_RUNS_LOCAL_ENABLED=true} says the operator wants it (a dedicated machine, say).
 */
@ApplicationScoped
public class LocalRunsPolicy {

    private final boolean enabled;

    @Inject
    public LocalRunsPolicy(@ConfigProperty(name = "slipway.runs.local.enabled") Optional<Boolean> enabled,
                           @ConfigProperty(name = "slipway.db.kind", defaultValue = "h2") String dbKind,
                           @ConfigProperty(name = "slipway.public.url") Optional<String> publicUrl) {
        this.enabled = enabled.orElse(RunMode.of(dbKind, publicUrl) == RunMode.LOCAL);
    }

    protected LocalRunsPolicy() {
        this.enabled = false;
    }

    public boolean enabled() {
        return enabled;
    }
}
