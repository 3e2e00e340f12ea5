package io.slipway.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.System.Logger.Level;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start the application outside the local mode while a secret is missing or is the dev-only
 * default that anyone can read in this repository: the deployment fails, the log names every such variable
 * (never a value), and readiness never turns up. The local mode keeps its defaults and only logs that it
 * runs with them.
 */
@ApplicationScoped
public class StartupSettingsCheck {

    private static final System.Logger LOG = System.getLogger(StartupSettingsCheck.class.getName());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Config config = ConfigProvider.getConfig();
        RunMode mode = RunMode.of(config.getOptionalValue("slipway.db.kind", String.class).orElse("h2"),
                config.getOptionalValue("slipway.public.url", String.class));
        List<String> problems = RequiredSecrets.problems(key -> config.getOptionalValue(key, String.class));
        if (mode == RunMode.LOCAL) {
            if (!problems.isEmpty()) {
                LOG.log(Level.INFO, "Local mode: running with dev-only defaults ({0}); production refuses them",
                        String.join("; ", problems));
            }
            return;
        }
        if (!problems.isEmpty()) {
            String message = "Slipway refuses to start outside the local mode (SLIPWAY_DB_KIND=postgresql or a"
                    + " public URL that is not loopback) with missing or dev-only secrets: "
                    + String.join("; ", problems) + ". Set each of them in the server's environment.";
            LOG.log(Level.ERROR, message);
            throw new InsecureSettingsException(message);
        }
    }

    /** Thrown at startup: the deployment fails with the message naming what to set. */
    public static final class InsecureSettingsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InsecureSettingsException(String message) {
            super(message);
        }
    }
}
