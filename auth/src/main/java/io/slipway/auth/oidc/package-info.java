/**
 * The OpenID Connect authorization-code flow (with PKCE, state and nonce) that the console uses to sign
 * people in through Keycloak's login page; the API itself takes bearer tokens validated by MicroProfile JWT.
 */
package io.slipway.auth.oidc;
