package io.slipway.auth.directory;

/** A person known to the identity provider. */
public record DirectoryUser(String id, String username, String email) {
}
