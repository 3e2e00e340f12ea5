/**
 * Who the caller is and what they may do: the caller's identity from an OIDC token, organization and
 * project roles, and the one table of operations that every service method checks first.
 */
package io.slipway.auth;
