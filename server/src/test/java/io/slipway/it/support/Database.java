package io.slipway.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Direct access to the server's database, for tests that play a rogue administrator editing rows behind
 * Slipway's back. The embedded database is opened through H2's automatic server mode.
 */
public final class Database {

    private Database() {
    }

    public static int update(String sql, Object... parameters) {
        return updateAt(System.getProperty("slipway.it.db.url"), sql, parameters);
    }

    /** As {@link #update}, in the database at {@code url} (a {@link SecondServer}'s, say). */
    public static int updateAt(String url, String sql, Object... parameters) {
        try (Connection connection = connect(url); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql, e);
        }
    }

    /** The first column of the first row, as text. */
    public static String queryForString(String sql, Object... parameters) {
        try (Connection connection = connect(System.getProperty("slipway.it.db.url"));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql, e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return url.startsWith("jdbc:postgresql") ? DriverManager.getConnection(url, "postgres", "")
                : DriverManager.getConnection(url, "slipway", "");
    }
}
