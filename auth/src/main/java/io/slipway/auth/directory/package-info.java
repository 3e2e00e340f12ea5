/**
 * The identity provider's directory, as Slipway needs it: find people by user name or e-mail, and keep the
 * provider's organizations and their members in step with Slipway's.
 */
package io.slipway.auth.directory;
