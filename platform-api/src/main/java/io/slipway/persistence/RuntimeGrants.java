package io.slipway.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The privileges of Slipway's runtime database user when another user owns the schema (PostgreSQL): ordinary
 * reads and writes everywhere, but only inserts and reads on the audit trail. The statements are
 * {@code db/grants/postgresql.sql}, which the README quotes.
 */
public final class RuntimeGrants {

    /** The file's place on the class path. */
    public static final String RESOURCE = "db/grants/postgresql.sql";

    private static final Pattern ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$-]{0,62}");

    private RuntimeGrants() {
    }

    /** The statements for the runtime user {@code appUser}, its name quoted as an identifier. */
    public static List<String> statements(String appUser) {
        if (!ROLE.matcher(appUser).matches()) {
            throw new IllegalArgumentException("Not a database user name Slipway grants to: " + appUser);
        }
        String sql;
        try (InputStream in = RuntimeGrants.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = sql.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .map(statement -> statement.replace(":app", '"' + appUser + '"'))
                .toList();
    }

    /** Applies them through {@code owner}, a connection of the schema's owner. */
    public static void apply(Connection owner, String appUser) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            for (String sql : statements(appUser)) {
                statement.execute(sql);
            }
        }
        if (!owner.getAutoCommit()) {
            owner.commit();
        }
    }
}
