/**
 * The OpenID Connect authorization-code flow (with PKCE, state and nonce) that the console uses to sign
 * people in through Keycloak's login page, to re-check them with the refresh token and to read back-channel
 * logout notices; every token is verified against the realm's keys ({@link io.slipway.auth.oidc.TokenVerifier}).
 * The API itself takes bearer tokens validated by MicroProfile JWT.
 */
package io.slipway.auth.oidc;
