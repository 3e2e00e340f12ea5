/** Signing people in to the console through Keycloak's login page, and out again. */
package io.slipway.console.signin;
