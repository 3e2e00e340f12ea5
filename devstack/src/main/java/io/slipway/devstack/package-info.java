/**
 * Local development services for {@code ./slipway start} and the test suites: a Keycloak dev
 * instance carrying the Slipway realm (with demo users on request) and a token client for seeding.
 */
package io.slipway.devstack;
