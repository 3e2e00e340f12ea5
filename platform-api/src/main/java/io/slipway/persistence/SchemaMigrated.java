package io.slipway.persistence;

import java.util.Set;

/**
 * Fired once at application start, after Flyway migrated the schema and Hibernate validated it: for work that
 * must happen exactly once, when a given migration is applied.
 *
 * @param appliedNow versions of the migrations applied during this start, such as {@code 3}
 */
public record SchemaMigrated(Set<String> appliedNow) {

    public SchemaMigrated {
        appliedNow = Set.copyOf(appliedNow);
    }

    public boolean appliedNow(String version) {
        return appliedNow.contains(version);
    }
}
