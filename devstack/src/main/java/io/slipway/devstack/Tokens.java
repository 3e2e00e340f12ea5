package io.slipway.devstack;

/**
 * Tokens from a token endpoint response.
 *
 * @param accessToken the raw access token (a JWT)
 * @param refreshToken the raw refresh token, or null when the grant issues none (client credentials)
 * @param expiresIn the access token's lifetime in seconds
 */
public record Tokens(String accessToken, String refreshToken, long expiresIn) {
}
