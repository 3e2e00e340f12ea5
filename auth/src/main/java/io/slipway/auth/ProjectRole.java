package io.slipway.auth;

import java.util.Arrays;
import java.util.Optional;

/** A person's role in one project; each role includes every right of the roles before it. */
public enum ProjectRole {
    VIEWER("viewer"),
    DATA_SCIENTIST("data-scientist"),
    MANAGER("manager"),
    ADMIN("admin");

    private final String label;

    ProjectRole(String label) {
        this.label = label;
    }

    /** The name used in the API and the database. */
    public String label() {
        return label;
    }

    public boolean includes(ProjectRole required) {
        return compareTo(required) >= 0;
    }

    public static Optional<ProjectRole> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }
}
