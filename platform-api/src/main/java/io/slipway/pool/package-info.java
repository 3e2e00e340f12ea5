/**
 * Compute pools (platform-wide, defined by platform admins and seeded from the machine and Helm's values) and each
 * organization's quota on them, with what is in use: what runs and serving deployments are placed on.
 */
package io.slipway.pool;
