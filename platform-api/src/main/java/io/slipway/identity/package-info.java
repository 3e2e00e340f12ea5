/** Wires the identity provider's directory (Keycloak) from configuration. */
package io.slipway.identity;
