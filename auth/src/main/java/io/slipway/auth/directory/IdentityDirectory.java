package io.slipway.auth.directory;

import java.util.Optional;

/**
 * The identity provider's directory. Every method is idempotent, so a retried request converges. Failures
 * to reach the provider throw {@link DirectoryUnavailableException}.
 */
public interface IdentityDirectory {

    /**
     * Finds an enabled user by exact user name or, when the argument holds an '@', by an exact e-mail address
     * that the user has verified (anyone can type someone else's address into their own account). Every user
     * who is not found so (none, disabled, address unverified) is alike: empty.
     */
    Optional<DirectoryUser> findUser(String usernameOrEmail);

    /** Creates the provider-side organization with this alias unless it exists. */
    void ensureOrganization(String alias, String name);

    /** Adds the user to the provider-side organization unless already a member. */
    void addMember(String organizationAlias, String userId);

    /** Removes the user from the provider-side organization if a member. */
    void removeMember(String organizationAlias, String userId);
}
