package io.slipway.auth;

import java.util.Arrays;
import java.util.Optional;

/** A person's role in an organization. An owner is also a member. */
public enum OrgRole {
    MEMBER("member"),
    OWNER("owner");

    private final String label;

    OrgRole(String label) {
        this.label = label;
    }

    /** The name used in the API and the database. */
    public String label() {
        return label;
    }

    public boolean includes(OrgRole required) {
        return compareTo(required) >= 0;
    }

    public static Optional<OrgRole> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }
}
