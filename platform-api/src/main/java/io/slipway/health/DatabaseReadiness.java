package io.slipway.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the database hands out a working connection. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/slipway")
    private DataSource dataSource;

    private final Probes probes = new Probes(this::probe, Clock.systemUTC());

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = probes.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database").status(problem.isEmpty());
        problem.ifPresent(reason -> response.withData("problem", reason));
        return response.build();
    }

    private Optional<String> probe() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Probes.PROBE_TIMEOUT.toSeconds())
                    ? Optional.empty() : Optional.of("the connection did not answer");
        } catch (SQLException e) {
            return Optional.of("unreachable (" + (e.getSQLState() == null ? "" : "SQL state " + e.getSQLState()
                    + ": ") + firstLine(e.getMessage()) + ")");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
