package io.slipway.auth.oidc;

/**
 * A verified back-channel logout: the identity provider ended this session (and, without a session id, every
 * session of this subject).
 *
 * @param sessionId the identity provider's session ({@code sid}), or null
 * @param subject   the user ({@code sub}), or null
 */
public record LogoutNotice(String sessionId, String subject) {
}
