package io.slipway.persistence;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a JDBC failure means the database could not be reached or would not serve (restarting, shutting
 * down, full), as opposed to a failure of the statement itself. Such a failure aborted the transaction, so the
 * request changed nothing and may be tried again.
 *
 * <p>SQL states: class {@code 08} (connection exception, in the SQL standard); PostgreSQL's {@code 57P01}
 * (terminated by an administrator: a fast shutdown or restart), {@code 57P02} (crash shutdown), {@code 57P03}
 * (cannot connect now: starting up or shutting down), {@code 53300} (too many connections).
 */
public final class DatabaseUnavailable {

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    public static boolean means(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || STATES.contains(state));
    }
}
