package io.slipway.auth;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated person behind a request, as the identity provider vouched for it: the {@code person}
 * kind of {@link Actor}.
 *
 * @param userId      the token's {@code sub}: stable identifier of the user in Keycloak
 * @param username    the token's {@code preferred_username}, for display and audit
 * @param realmRoles  realm roles from the token's {@code groups} claim
 */
public record Caller(String userId, String username, Set<String> realmRoles) implements Actor, java.io.Serializable {

    public static final String PLATFORM_ADMIN = "platform-admin";

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        realmRoles = realmRoles == null ? Set.of() : Set.copyOf(realmRoles);
    }

    @Override
    public String kind() {
        return "person";
    }

    @Override
    public String id() {
        return userId;
    }

    @Override
    public String name() {
        return username;
    }

    public boolean isPlatformAdmin() {
        return realmRoles.contains(PLATFORM_ADMIN);
    }
}
