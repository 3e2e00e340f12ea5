/**
 * The REST API's shared plumbing: the JAX-RS application, RFC 9457 problem responses from one exception
 * mapper, strict JSON, body limits, paging, and the caller taken from the bearer token.
 */
package io.slipway.api;
